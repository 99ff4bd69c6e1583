/* cmd_build.c - `dipline build`: articles -> events -> merged timeline ->
 * picture, in one go (extract, merge and render without files between). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "cli.h"

static void help(void) {
    printf("Usage: dipline build [OPTIONS] INPUT...\n\n"
           "Extract the events of the articles, merge them into one timeline and draw\n"
           "it: 'dipline extract', 'merge' and 'render' in one go.  INPUT is a file, a\n"
           "folder or - (as for 'dipline extract').\n\n"
           "Output:\n"
           "  -o, --output FILE      the picture: .png, .svg or .pdf\n"
           "  -e, --events FILE      the merged timeline as an event log; without -o\n"
           "                         and --events it goes to standard output\n"
           CLI_FORMAT_HELP
           "                         (the format of --events)\n"
           "Articles:\n"
           "  -d, --date DATE        publication date for articles without one\n"
           "  -k, --keep-going       skip bad articles (reported), go on\n"
           "  -j, --jobs N           extract (and write --events) on N threads\n"
           "                         (default: one per processor)\n"
           "      --repair-utf8      replace invalid UTF-8 instead of rejecting it\n"
           "      --actors, --agents, --roles, --verbs FILE   replace a dictionary\n"
           "%s%s"
           "Merging:\n"
           "      --window DAYS      how far before its publication an undated event may\n"
           "                         have happened (default 2)\n"
           "Picture:\n"
           "%s"
           "  -q, --quiet            no progress or summary on standard error\n"
           "  -h, --help             show this help\n\n"
           "Exit status: 0 success, 1 bad input, 2 bad usage.\n",
           cli_limits_help, cli_events_limit_help, cli_render_help);
}

/* Where the extracted articles go, in input order: into the timeline. */
typedef struct build_sink {
    dl_timeline *tl;
    bool keep_going;
    size_t skipped, n_mentions, n_articles;
    dl_error err; /* what stopped it, unless reported already */
} build_sink;

static dl_status build_add(void *ctx, const dl_extract_result *res) {
    build_sink *k = ctx;
    const dl_article *a = res->article;
    if (!a) { /* unreadable input: reported here */
        cli_report("build", res->error);
        if (k->keep_going && res->status != DL_ERR_NOMEM) {
            k->skipped++;
            return DL_OK;
        }
        return res->status;
    }
    if (res->status != DL_OK) {
        if (k->keep_going && res->status != DL_ERR_NOMEM && res->status != DL_ERR_IO) {
            cli_report("build", res->error); /* a bad article (over a limit): skip it */
            k->skipped++;
            cli_progress_advance(a->origin, a->text_len);
            return DL_OK;
        }
        k->err = *res->error;
        return res->status;
    }
    char day[16];
    dl_article_info info = {a->id, a->title, a->source, a->url,
                            a->published_text ? a->published_text : dl_day_format(a->published, day)};
    dl_status st = dl_timeline_add_article(k->tl, &info, &k->err);
    for (size_t i = 0; st == DL_OK && i < res->events->n; i++) st = dl_timeline_add(k->tl, &res->events->items[i], &k->err);
    k->n_mentions += res->events->n;
    k->n_articles++;
    cli_progress_advance(a->origin, a->text_len);
    cli_progress("build: %zu articles, %zu events", k->n_articles, k->n_mentions);
    return st;
}

int cmd_build(int argc, char **argv) {
    enum { O_REPAIR = 256, O_ACTORS, O_AGENTS, O_VERBS, O_ROLES, O_WINDOW };
    static const struct option longopts[] = {
        {"output", required_argument, 0, 'o'}, {"events", required_argument, 0, 'e'},
        {"format", required_argument, 0, 'f'},
        {"date", required_argument, 0, 'd'},   {"keep-going", no_argument, 0, 'k'},
        {"jobs", required_argument, 0, 'j'},
        {"repair-utf8", no_argument, 0, O_REPAIR}, {"actors", required_argument, 0, O_ACTORS},
        {"agents", required_argument, 0, O_AGENTS}, {"verbs", required_argument, 0, O_VERBS},
        {"roles", required_argument, 0, O_ROLES}, {"window", required_argument, 0, O_WINDOW},
        CLI_RENDER_LONGOPTS, {"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'},
        CLI_LIMIT_LONGOPTS, CLI_EVENTS_LIMIT_LONGOPT, {0, 0, 0, 0}};
    const char *output = NULL, *events_path = NULL;
    dl_reader_options ropt = {0};
    dl_extract_options xopt = {0};
    dl_merge_options mopt;
    dl_merge_options_init(&mopt);
    cli_render_args ra;
    cli_render_args_init(&ra);
    bool keep_going = false;
    dl_format format = DL_FORMAT_JSON;
    long v, jobs = 0;
    int usage = -1;
    optind = 1;
    opterr = 0;
    int c;
    while (usage < 0 && (c = getopt_long(argc, argv, ":o:e:f:d:kj:" CLI_RENDER_SHORTOPTS "qh", longopts, NULL)) != -1) {
        int handled = cli_render_option("build", c, optarg, &ra);
        if (!handled) handled = cli_limit_option("build", c, optarg, &ropt, &xopt);
        if (handled < 0) usage = EXIT_USAGE;
        if (handled) continue;
        switch (c) {
        case 'o': output = optarg; break;
        case 'e': events_path = optarg; break;
        case 'f':
            if (!dl_format_parse(optarg, &format))
                usage = cli_usage_error("build", "unknown format '%s' (" CLI_FORMATS ")", optarg);
            break;
        case 'd':
            if (dl_day_parse(optarg) == DL_DAY_NONE) usage = cli_usage_error("build", "--date wants YYYY-MM-DD, not '%s'", optarg);
            ropt.default_date = optarg;
            break;
        case 'k': keep_going = true; break;
        case 'j':
            if (!cli_parse_size("build", "--jobs", optarg, 1, 256, &jobs)) usage = EXIT_USAGE;
            break;
        case O_REPAIR: ropt.repair_utf8 = true; break;
        case O_ACTORS: xopt.actors_path = optarg; break;
        case O_AGENTS: xopt.agents_path = optarg; break;
        case O_VERBS: xopt.verbs_path = optarg; break;
        case O_ROLES: xopt.roles_path = optarg; break;
        case O_WINDOW:
            if (!cli_parse_size("build", "--window", optarg, 0, 365, &v)) usage = EXIT_USAGE;
            mopt.window_days = (int)v;
            break;
        case 'q': cli_quiet = true; break;
        case 'h': help(); usage = EXIT_OK; break;
        case ':': usage = cli_usage_error("build", "option %s needs a value", argv[optind - 1]); break;
        default: usage = cli_usage_error("build", "unknown option %s", argv[optind - 1]); break;
        }
    }
    if (usage < 0 && optind >= argc) usage = cli_usage_error("build", "no input given (a file, a folder or -)");
    if (usage < 0 && output && cli_render_check("build", &ra, output) < 0) usage = EXIT_USAGE;
    if (usage >= 0) {
        cli_render_args_free(&ra);
        return usage;
    }
    if (!output && !events_path) events_path = "-";

    dl_error err;
    dl_error_clear(&err);
    dl_extractor *x = NULL;
    dl_reader *r = NULL;
    dl_timeline *tl = NULL;
    dl_event_list events = {0};
    dl_status st = dl_extractor_new(&xopt, &x, &err);
    if (st == DL_OK) st = dl_timeline_new(&mopt, &tl, &err);
    if (st == DL_OK && !(r = dl_reader_new(&ropt))) st = dl_error_set(&err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    for (int i = optind; i < argc && st == DL_OK; i++) st = dl_reader_add_path(r, argv[i], &err);
    cli_progress_inputs(argc - optind, argv + optind);
    /* extract (on -j threads) and fold, one article at a time in input order */
    build_sink k = {.tl = tl, .keep_going = keep_going};
    dl_error_clear(&k.err);
    if (st == DL_OK) {
        st = dl_extract_stream(x, r, (unsigned)jobs, build_add, &k);
        err = k.err;
    }
    size_t skipped = k.skipped, n_mentions = k.n_mentions;
    if (st == DL_OK) st = dl_timeline_finish(tl, &err);
    /* the merged timeline as JSON */
    if (st == DL_OK && events_path) {
        dl_atomic_file out;
        st = dl_atomic_open(&out, events_path, &err);
        if (st == DL_OK) {
            dl_merge_stats stats;
            dl_timeline_stats(tl, &stats);
            char *extra = dl_merge_stats_json(&stats);
            dl_log_writer_options wo = {.format = format, .pretty = true, .extra_json = extra, .jobs = (unsigned)jobs};
            dl_log_writer *w = dl_log_writer_new(out.fp, &wo);
            st = w ? dl_timeline_write(tl, w, &err) : dl_error_set(&err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
            if (st == DL_OK) st = dl_log_writer_finish(w, &err);
            if (st == DL_ERR_IO && !err.file[0]) snprintf(err.file, sizeof err.file, "%s", events_path);
            dl_log_writer_free(w);
            free(extra);
            if (st == DL_OK) st = dl_atomic_commit(&out, &err);
            else dl_atomic_abort(&out);
        }
    }
    /* the picture */
    if (st == DL_OK && output) {
        size_t n = dl_timeline_count(tl);
        for (size_t i = 0; st == DL_OK && i < n; i++) {
            dl_event *ev = dl_event_list_add(&events);
            st = ev ? dl_timeline_event(tl, i, ev) : DL_ERR_NOMEM;
            if (st != DL_OK) dl_error_set(&err, st, NULL, -1, -1, "out of memory");
        }
        if (st == DL_OK) st = dl_render_file(events.items, events.n, &ra.ro, output, &err);
    }
    cli_progress_done();
    if (st != DL_OK && err.status != DL_OK) cli_report("build", &err);
    if (st == DL_OK && !cli_quiet) {
        dl_merge_stats stats;
        dl_timeline_stats(tl, &stats);
        fprintf(stderr, "dipline build: %zu article%s, %zu event mention%s -> %zu timeline event%s%s%s%s%s\n",
                dl_reader_count(r), dl_reader_count(r) == 1 ? "" : "s", n_mentions, n_mentions == 1 ? "" : "s",
                dl_timeline_count(tl), dl_timeline_count(tl) == 1 ? "" : "s", events_path && strcmp(events_path, "-") ? "; timeline: " : "",
                events_path && strcmp(events_path, "-") ? events_path : "", output ? "; picture: " : "", output ? output : "");
    }
    dl_event_list_clear(&events);
    dl_timeline_free(tl);
    dl_reader_free(r);
    dl_extractor_free(x);
    cli_render_args_free(&ra);
    if (output) dl_render_cleanup();
    if (st != DL_OK) return cli_exit_status(st);
    return skipped ? EXIT_INPUT : EXIT_OK;
}

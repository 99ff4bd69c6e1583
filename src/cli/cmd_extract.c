/* cmd_extract.c - `dipline extract`: articles -> event log (one event per
 * mention).  Reads its inputs as a stream, a few articles at a time,
 * extracts them on -j threads and writes the results in input order
 * (dl_extract_stream). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/util.h"
#include "cli.h"

static void help(void) {
    printf("Usage: dipline extract [OPTIONS] INPUT...\n\n"
           "Read articles and write the events found in them, one event per mention,\n"
           "as a dipline/events/1 log.  INPUT is a file, a folder (every *.json,\n"
           "*.jsonl, *.txt, *.md inside, sorted by name) or - for standard input.\n\n"
           "Options:\n"
           "  -o, --output FILE      write to FILE (written whole or not at all);\n"
           "                         default or '-': standard output\n"
           CLI_FORMAT_HELP
           "  -d, --date DATE        publication date for articles without one\n"
           "  -k, --keep-going       report a bad article, skip it, go on (exit 1 at the\n"
           "                         end if any was skipped; the output holds the rest)\n"
           "  -j, --jobs N           extract on N threads (default: one per processor);\n"
           "                         the output is the same for any N\n"
           "      --repair-utf8      replace invalid UTF-8 (and convert Windows-1252\n"
           "                         punctuation) instead of rejecting the article\n"
           "      --actors FILE      actor dictionary replacing the bundled one\n"
           "      --agents FILE      agent dictionary replacing the bundled one\n"
           "      --verbs FILE       verb dictionary replacing the bundled one\n"
           "      --roles FILE       office dictionary replacing the bundled one\n"
           "      --all-modalities   also code negated and hypothetical verbs (flagged)\n"
           "      --explain          add to each event the dictionary entries behind it\n"
           "      --trace            instead of events, show how each sentence is read\n"
           "                         (actor phrases, verbs, speakers, events)\n"
           "      --compact          JSON on one line per event (default: indented)\n"
           "  -q, --quiet            no progress or summary on standard error\n"
           "  -h, --help             show this help\n"
           "Limits (a bad article is reported; with -k it is skipped):\n"
           "%s%s\n"
           "Exit status: 0 success, 1 bad input, 2 bad usage.\n",
           cli_limits_help, cli_events_limit_help);
}

/* What the results of the stream go to, in input order. */
typedef struct extract_sink {
    dl_log_writer *w;
    const char *output;
    bool keep_going;
    size_t n_articles, n_events, skipped, bytes;
} extract_sink;

static dl_status sink(void *ctx, const dl_extract_result *res) {
    extract_sink *k = ctx;
    const dl_article *a = res->article;
    if (!a) { /* unreadable input */
        cli_report("extract", res->error);
        if (!k->keep_going || res->status == DL_ERR_NOMEM) return res->status;
        k->skipped++;
        return DL_OK;
    }
    if (a->utf8_repairs && !cli_quiet) {
        cli_progress_done();
        fprintf(stderr, "dipline extract: %s: article '%s': replaced %zu invalid UTF-8 sequence%s\n", a->origin,
                a->id, a->utf8_repairs, a->utf8_repairs == 1 ? "" : "s");
    }
    dl_error err;
    dl_error_clear(&err);
    dl_status st = res->status;
    if (st != DL_OK) {
        err = *res->error;
        if (k->keep_going && st != DL_ERR_NOMEM && st != DL_ERR_IO) {
            cli_report("extract", &err); /* a bad article (over a limit): skip it */
            k->skipped++;
            cli_progress_advance(a->origin, a->text_len);
            return DL_OK;
        }
    }
    if (st == DL_OK) {
        dl_article_info info = {a->id, a->title, a->source, a->url, a->published_text};
        char day[16];
        if (!info.published) info.published = dl_day_format(a->published, day);
        st = dl_log_writer_article(k->w, &info, &err);
    }
    for (size_t i = 0; st == DL_OK && i < res->events->n; i++)
        st = dl_log_writer_event(k->w, &res->events->items[i], &err);
    if (st != DL_OK) {
        if (!err.file[0]) snprintf(err.file, sizeof err.file, "%s", st == DL_ERR_IO ? k->output : a->origin);
        cli_report("extract", &err);
        return st;
    }
    k->n_articles++;
    k->n_events += res->events->n;
    k->bytes += a->text_len;
    cli_progress_advance(a->origin, a->text_len);
    cli_progress("extract: %zu articles, %zu events, %.1f MB", k->n_articles, k->n_events, k->bytes / 1e6);
    return DL_OK;
}

/* --trace: how each article is read, one after the other. */
static dl_status run_trace(const dl_extractor *x, dl_reader *r, FILE *out, extract_sink *k) {
    for (;;) {
        dl_article *a = NULL;
        dl_error err;
        dl_error_clear(&err);
        dl_status st = dl_reader_next(r, &a, &err);
        if (st == DL_OK && !a) return DL_OK;
        if (st != DL_OK && k->keep_going && st != DL_ERR_NOMEM) {
            cli_report("extract", &err);
            k->skipped++;
            continue;
        }
        char *text = NULL;
        if (st == DL_OK) st = dl_extract_trace(x, a, &text, &err);
        if (st == DL_OK) fprintf(out, "=== %s (%s)\n%s\n", a->id, a->origin, text);
        free(text);
        dl_article_free(a);
        if (st != DL_OK) {
            cli_report("extract", &err);
            return st;
        }
    }
}

int cmd_extract(int argc, char **argv) {
    enum { O_REPAIR = 256, O_ACTORS, O_AGENTS, O_VERBS, O_ROLES, O_EXPLAIN, O_COMPACT, O_ALLMOD, O_TRACE };
    static const struct option longopts[] = {
        {"output", required_argument, 0, 'o'}, {"format", required_argument, 0, 'f'},
        {"date", required_argument, 0, 'd'},   {"keep-going", no_argument, 0, 'k'},
        {"repair-utf8", no_argument, 0, O_REPAIR}, {"actors", required_argument, 0, O_ACTORS},
        {"agents", required_argument, 0, O_AGENTS}, {"verbs", required_argument, 0, O_VERBS},
        {"roles", required_argument, 0, O_ROLES}, {"all-modalities", no_argument, 0, O_ALLMOD},
        {"explain", no_argument, 0, O_EXPLAIN}, {"trace", no_argument, 0, O_TRACE}, {"compact", no_argument, 0, O_COMPACT},
        {"jobs", required_argument, 0, 'j'},   {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'},         CLI_LIMIT_LONGOPTS, CLI_EVENTS_LIMIT_LONGOPT, {0, 0, 0, 0}};
    const char *output = "-";
    dl_log_writer_options wopt = {.format = DL_FORMAT_JSON, .pretty = true};
    dl_reader_options ropt = {0};
    dl_extract_options xopt = {0};
    bool keep_going = false, trace = false;
    long jobs = 0;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:f:d:kj:qh", longopts, NULL)) != -1) {
        int lim = cli_limit_option("extract", c, optarg, &ropt, &xopt);
        if (lim < 0) return EXIT_USAGE;
        if (lim) continue;
        switch (c) {
        case 'o': output = optarg; break;
        case 'f':
            if (!dl_format_parse(optarg, &wopt.format))
                return cli_usage_error("extract", "unknown format '%s' (" CLI_FORMATS ")", optarg);
            break;
        case 'd':
            if (dl_day_parse(optarg) == DL_DAY_NONE)
                return cli_usage_error("extract", "--date wants YYYY-MM-DD, not '%s'", optarg);
            ropt.default_date = optarg;
            break;
        case 'k': keep_going = true; break;
        case 'j':
            if (!cli_parse_size("extract", "--jobs", optarg, 1, 256, &jobs)) return EXIT_USAGE;
            break;
        case O_REPAIR: ropt.repair_utf8 = true; break;
        case O_ACTORS: xopt.actors_path = optarg; break;
        case O_AGENTS: xopt.agents_path = optarg; break;
        case O_VERBS: xopt.verbs_path = optarg; break;
        case O_ROLES: xopt.roles_path = optarg; break;
        case O_ALLMOD: xopt.all_modalities = true; break;
        case O_EXPLAIN: xopt.explain = wopt.explain = true; break;
        case O_COMPACT: wopt.pretty = false; break;
        case O_TRACE: trace = true; break;
        case 'q': cli_quiet = true; break;
        case 'h': help(); return EXIT_OK;
        case ':': return cli_usage_error("extract", "option %s needs a value", argv[optind - 1]);
        default: return cli_usage_error("extract", "unknown option %s", argv[optind - 1]);
        }
    }
    if (optind >= argc) return cli_usage_error("extract", "no input given (a file, a folder or -)");

    dl_error err;
    dl_error_clear(&err);
    dl_extractor *x = NULL;
    dl_status st = dl_extractor_new(&xopt, &x, &err);
    if (st != DL_OK) {
        cli_report("extract", &err);
        return cli_exit_status(st);
    }
    dl_reader *r = dl_reader_new(&ropt);
    if (!r) {
        dl_extractor_free(x);
        fprintf(stderr, "dipline extract: out of memory\n");
        return EXIT_INPUT;
    }
    for (int i = optind; i < argc && st == DL_OK; i++) st = dl_reader_add_path(r, argv[i], &err);
    if (st != DL_OK) {
        cli_report("extract", &err);
        dl_reader_free(r);
        dl_extractor_free(x);
        return cli_exit_status(st);
    }
    dl_atomic_file out;
    st = dl_atomic_open(&out, output, &err);
    if (st != DL_OK) {
        cli_report("extract", &err);
        dl_reader_free(r);
        dl_extractor_free(x);
        return EXIT_INPUT;
    }
    /* The events are about five times the size of the input: in stdio's
     * default buffer (one 4 KiB page) that is a write() every other event.
     * (A terminal keeps its line buffering.)  Static: stdout may still use
     * it at exit. */
    static char out_buf[128 * 1024];
    if (!isatty(fileno(out.fp))) setvbuf(out.fp, out_buf, _IOFBF, sizeof out_buf);
    dl_log_writer *w = dl_log_writer_new(out.fp, &wopt);
    cli_progress_inputs(argc - optind, argv + optind);
    extract_sink k = {.w = w, .output = output, .keep_going = keep_going};
    bool failed = !w;
    if (!failed && trace) failed = run_trace(x, r, out.fp, &k) != DL_OK;
    else if (!failed) failed = dl_extract_stream(x, r, (unsigned)jobs, sink, &k) != DL_OK;
    if (!failed) {
        st = dl_log_writer_finish(w, &err);
        if (st != DL_OK && !err.file[0]) snprintf(err.file, sizeof err.file, "%s", output);
        if (st == DL_OK) st = dl_atomic_commit(&out, &err);
        if (st != DL_OK) {
            cli_report("extract", &err);
            failed = true;
        }
    }
    if (failed) dl_atomic_abort(&out);
    cli_progress_done();
    if (!failed && !cli_quiet)
        fprintf(stderr, "dipline extract: %zu article%s, %zu event%s%s%s%s\n", dl_reader_count(r),
                dl_reader_count(r) == 1 ? "" : "s", k.n_events, k.n_events == 1 ? "" : "s",
                k.skipped ? ", " : "", k.skipped ? "skipped bad input: see above" : "",
                strcmp(output, "-") ? "" : "");
    dl_log_writer_free(w);
    dl_reader_free(r);
    dl_extractor_free(x);
    if (failed) return EXIT_INPUT;
    return k.skipped ? EXIT_INPUT : EXIT_OK;
}

/* cmd_extract.c - `dipline extract`: articles -> event log (one event per
 * mention).  Reads its inputs as a stream, one article at a time. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int cmd_extract(int argc, char **argv) {
    enum { O_REPAIR = 256, O_ACTORS, O_AGENTS, O_VERBS, O_ROLES, O_EXPLAIN, O_COMPACT, O_ALLMOD, O_TRACE };
    static const struct option longopts[] = {
        {"output", required_argument, 0, 'o'}, {"format", required_argument, 0, 'f'},
        {"date", required_argument, 0, 'd'},   {"keep-going", no_argument, 0, 'k'},
        {"repair-utf8", no_argument, 0, O_REPAIR}, {"actors", required_argument, 0, O_ACTORS},
        {"agents", required_argument, 0, O_AGENTS}, {"verbs", required_argument, 0, O_VERBS},
        {"roles", required_argument, 0, O_ROLES}, {"all-modalities", no_argument, 0, O_ALLMOD},
        {"explain", no_argument, 0, O_EXPLAIN}, {"trace", no_argument, 0, O_TRACE}, {"compact", no_argument, 0, O_COMPACT},
        {"quiet", no_argument, 0, 'q'},        {"help", no_argument, 0, 'h'},
        CLI_LIMIT_LONGOPTS, CLI_EVENTS_LIMIT_LONGOPT, {0, 0, 0, 0}};
    const char *output = "-";
    dl_log_writer_options wopt = {.format = DL_FORMAT_JSON, .pretty = true};
    dl_reader_options ropt = {0};
    dl_extract_options xopt = {0};
    bool keep_going = false, trace = false;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:f:d:kqh", longopts, NULL)) != -1) {
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
    dl_log_writer *w = dl_log_writer_new(out.fp, &wopt);
    cli_progress_inputs(argc - optind, argv + optind);
    size_t n_events = 0, skipped = 0, bytes = 0;
    dl_event_list events = {0};
    bool failed = !w;
    while (!failed) {
        dl_article *a = NULL;
        st = dl_reader_next(r, &a, &err);
        if (st != DL_OK) {
            cli_report("extract", &err);
            if (!keep_going || st == DL_ERR_NOMEM) {
                failed = true;
                break;
            }
            skipped++;
            continue;
        }
        if (!a) break;
        if (a->utf8_repairs && !cli_quiet) {
            cli_progress_done();
            fprintf(stderr, "dipline extract: %s: article '%s': replaced %zu invalid UTF-8 sequence%s\n", a->origin,
                    a->id, a->utf8_repairs, a->utf8_repairs == 1 ? "" : "s");
        }
        if (trace) {
            char *text = NULL;
            st = dl_extract_trace(x, a, &text, &err);
            if (st == DL_OK) fprintf(out.fp, "=== %s (%s)\n%s\n", a->id, a->origin, text);
            free(text);
            dl_article_free(a);
            if (st != DL_OK) {
                cli_report("extract", &err);
                failed = true;
                break;
            }
            continue;
        }
        st = dl_extract_article(x, a, &events, &err);
        if (st != DL_OK && keep_going && st != DL_ERR_NOMEM && st != DL_ERR_IO) {
            cli_report("extract", &err); /* a bad article (over a limit): skip it */
            dl_article_free(a);
            skipped++;
            continue;
        }
        if (st == DL_OK) {
            dl_article_info info = {a->id, a->title, a->source, a->url, a->published_text};
            char day[16];
            if (!info.published) info.published = dl_day_format(a->published, day);
            st = dl_log_writer_article(w, &info, &err);
        }
        for (size_t i = 0; st == DL_OK && i < events.n; i++) st = dl_log_writer_event(w, &events.items[i], &err);
        n_events += events.n;
        bytes += a->text_len;
        dl_event_list_clear(&events);
        if (st != DL_OK) {
            if (!err.file[0]) snprintf(err.file, sizeof err.file, "%s", st == DL_ERR_IO ? output : a->origin);
            cli_report("extract", &err);
            dl_article_free(a);
            failed = true;
            break;
        }
        cli_progress_advance(a->origin, a->text_len);
        dl_article_free(a);
        cli_progress("extract: %zu articles, %zu events, %.1f MB", dl_reader_count(r), n_events, bytes / 1e6);
    }
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
                dl_reader_count(r) == 1 ? "" : "s", n_events, n_events == 1 ? "" : "s",
                skipped ? ", " : "", skipped ? "skipped bad input: see above" : "",
                strcmp(output, "-") ? "" : "");
    dl_log_writer_free(w);
    dl_reader_free(r);
    dl_extractor_free(x);
    if (failed) return EXIT_INPUT;
    return skipped ? EXIT_INPUT : EXIT_OK;
}

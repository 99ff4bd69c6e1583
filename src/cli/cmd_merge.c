/* cmd_merge.c - `dipline merge`: event logs -> one ordered, deduplicated
 * timeline.  Each log is read as a stream (one event in memory at a time). */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../common/util.h"
#include "cli.h"

static void help(void) {
    printf("Usage: dipline merge [OPTIONS] EVENTS...\n\n"
           "Merge event logs (from 'dipline extract', or timelines from an earlier\n"
           "merge) into one timeline: events that report the same happening become one\n"
           "event carrying every mention, ordered by date, precision and first mention.\n"
           "EVENTS is a log (JSON document or JSON Lines), a folder (every *.json and\n"
           "*.jsonl inside, sorted by name) or - for standard input.  The result does\n"
           "not depend on the order of the inputs, and merging partial timelines gives\n"
           "the same result as merging everything at once.\n\n"
           "Options:\n"
           "  -o, --output FILE      write to FILE (written whole or not at all);\n"
           "                         default or '-': standard output\n"
           CLI_FORMAT_HELP
           "      --from DATE        only events dated on or after DATE (YYYY-MM-DD)\n"
           "      --to DATE          only events dated on or before DATE\n"
           "      --actor NAME       only events whose actor or target name contains NAME\n"
           "                         (any case; repeat for several)\n"
           "      --country CODE     only events with this actor or target country\n"
           "                         (RUS, NATO, ...; repeat or separate with commas)\n"
           "      --root RR          only events of this CAMEO root (04, ...; repeat or\n"
           "                         separate with commas)\n"
           "      --min-sources N    only events reported by at least N articles\n"
           "      --window DAYS      an event dated only by its article's publication\n"
           "                         may have happened up to DAYS days earlier (default 2)\n"
           "      --rules FILE       merge rules replacing the bundled data/merge.txt\n"
           "      --compact          JSON on one line per event (default: indented)\n"
           "  -j, --jobs N           make the text of the events on N threads (JSON and\n"
           "                         JSON Lines; default: one per processor); the\n"
           "                         output is the same bytes for any N\n"
           "  -q, --quiet            no summary on standard error\n"
           "  -h, --help             show this help\n\n"
           "The filters select events after merging; they never change what merges.\n"
           "The summary (\"in N events, out M, folded K\") also goes into the output's\n"
           "\"stats\" object.\n\n"
           "Exit status: 0 success, 1 bad input, 2 bad usage.\n");
}

typedef struct strlist {
    const char **v;
    size_t n, cap;
} strlist;

static bool push(strlist *l, const char *s) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        const char **p = realloc(l->v, cap * sizeof *p);
        if (!p) return false;
        l->v = p;
        l->cap = cap;
    }
    l->v[l->n++] = s;
    return true;
}

/* Split a comma-separated value into l (pointers into the copy *keep). */
static bool push_split(strlist *l, strlist *keep, const char *v) {
    char *c = dl_strdup(v);
    if (!c || !push(keep, c)) {
        free(c);
        return false;
    }
    char *save = NULL;
    for (char *t = strtok_r(c, ",", &save); t; t = strtok_r(NULL, ",", &save))
        if (*t && !push(l, t)) return false;
    return true;
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Add one log file (or "-") to the timeline. */
static dl_status add_file(dl_timeline *tl, const char *path, dl_error *err) {
    dl_log_reader *r;
    dl_status st = dl_log_reader_open(path, &r, err);
    if (st != DL_OK) return st;
    st = dl_timeline_add_log(tl, r, err);
    if (st != DL_OK && !err->file[0]) snprintf(err->file, sizeof err->file, "%s", path);
    dl_log_reader_free(r);
    dl_merge_stats s;
    dl_timeline_stats(tl, &s);
    cli_progress_advance(path, UINT64_MAX); /* this file is read */
    cli_progress("merge: %zu events read", s.in_events);
    return st;
}

/* A file, "-", or a folder of *.json / *.jsonl logs (sorted by name). */
static dl_status add_path(dl_timeline *tl, const char *path, dl_error *err) {
    struct stat sb;
    if (strcmp(path, "-") == 0 || stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) return add_file(tl, path, err);
    DIR *d = opendir(path);
    if (!d) return dl_error_set(err, DL_ERR_INPUT, path, -1, -1, "cannot open the folder");
    strlist names = {0};
    struct dirent *de;
    dl_status st = DL_OK;
    while (st == DL_OK && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' || !(has_suffix(de->d_name, ".json") || has_suffix(de->d_name, ".jsonl")))
            continue;
        char *full = malloc(strlen(path) + strlen(de->d_name) + 2);
        if (!full || !push(&names, full)) {
            free(full);
            st = dl_error_set(err, DL_ERR_NOMEM, path, -1, -1, "out of memory");
            break;
        }
        sprintf(full, "%s/%s", path, de->d_name);
    }
    closedir(d);
    if (names.n) qsort(names.v, names.n, sizeof *names.v, cmp_name);
    for (size_t i = 0; i < names.n; i++) {
        if (st == DL_OK) st = add_file(tl, names.v[i], err);
        free((char *)names.v[i]);
    }
    free(names.v);
    return st;
}

int cmd_merge(int argc, char **argv) {
    enum { O_FROM = 256, O_TO, O_ACTOR, O_COUNTRY, O_ROOT, O_MIN_SOURCES, O_WINDOW, O_RULES, O_COMPACT };
    static const struct option longopts[] = {
        {"output", required_argument, 0, 'o'},   {"format", required_argument, 0, 'f'},
        {"from", required_argument, 0, O_FROM},  {"to", required_argument, 0, O_TO},
        {"actor", required_argument, 0, O_ACTOR}, {"country", required_argument, 0, O_COUNTRY},
        {"root", required_argument, 0, O_ROOT},  {"min-sources", required_argument, 0, O_MIN_SOURCES},
        {"window", required_argument, 0, O_WINDOW}, {"rules", required_argument, 0, O_RULES},
        {"compact", no_argument, 0, O_COMPACT},  {"quiet", no_argument, 0, 'q'},
        {"jobs", required_argument, 0, 'j'},
        {"help", no_argument, 0, 'h'},           {0, 0, 0, 0}};
    const char *output = "-";
    dl_log_writer_options wopt = {.format = DL_FORMAT_JSON, .pretty = true};
    dl_merge_options mopt;
    dl_merge_options_init(&mopt);
    strlist actors = {0}, countries = {0}, roots = {0}, keep = {0};
    int rc = EXIT_OK;
    long n;
    optind = 1;
    opterr = 0;
    int c;
    while (rc == EXIT_OK && (c = getopt_long(argc, argv, ":o:f:j:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': output = optarg; break;
        case 'f':
            if (!dl_format_parse(optarg, &wopt.format))
                rc = cli_usage_error("merge", "unknown format '%s' (" CLI_FORMATS ")", optarg);
            break;
        case O_FROM:
        case O_TO: {
            dl_day d = dl_day_parse(optarg);
            if (d == DL_DAY_NONE || strlen(optarg) != 10)
                rc = cli_usage_error("merge", "%s wants a date YYYY-MM-DD, not '%s'", c == O_FROM ? "--from" : "--to",
                                     optarg);
            else if (c == O_FROM) mopt.from = d;
            else mopt.to = d;
            break;
        }
        case O_ACTOR:
            if (!*optarg) rc = cli_usage_error("merge", "--actor wants a name");
            else if (!push(&actors, optarg)) rc = EXIT_INPUT;
            break;
        case O_COUNTRY:
            if (!push_split(&countries, &keep, optarg)) rc = EXIT_INPUT;
            break;
        case O_ROOT: {
            size_t before = roots.n;
            if (!push_split(&roots, &keep, optarg)) rc = EXIT_INPUT;
            for (size_t i = before; rc == EXIT_OK && i < roots.n; i++) {
                const char *r = roots.v[i];
                int v = strlen(r) == 2 && dl_isdigit((unsigned char)r[0]) && dl_isdigit((unsigned char)r[1]) ? atoi(r) : 0;
                if (v < 1 || v > 20) rc = cli_usage_error("merge", "--root wants a CAMEO root 01 to 20, not '%s'", r);
            }
            break;
        }
        case O_MIN_SOURCES:
            if (!cli_parse_size("merge", "--min-sources", optarg, 0, 1000000, &n)) rc = EXIT_USAGE;
            else mopt.min_sources = (size_t)n;
            break;
        case O_WINDOW:
            if (!cli_parse_size("merge", "--window", optarg, 0, 366, &n)) rc = EXIT_USAGE;
            else mopt.window_days = (int)n;
            break;
        case O_RULES: mopt.rules_path = optarg; break;
        case O_COMPACT: wopt.pretty = false; break;
        case 'j':
            if (!cli_parse_size("merge", "--jobs", optarg, 1, 256, &n)) rc = EXIT_USAGE;
            else wopt.jobs = (unsigned)n;
            break;
        case 'q': cli_quiet = true; break;
        case 'h':
            help();
            rc = -1;
            break;
        case ':': rc = cli_usage_error("merge", "option %s needs a value", argv[optind - 1]); break;
        default: rc = cli_usage_error("merge", "unknown option %s", argv[optind - 1]); break;
        }
    }
    if (rc == EXIT_OK && optind >= argc) rc = cli_usage_error("merge", "no event log given (a file, a folder or -)");
    if (rc == EXIT_INPUT) fprintf(stderr, "dipline merge: out of memory\n");

    dl_timeline *tl = NULL;
    dl_error err;
    dl_error_clear(&err);
    dl_status st = DL_OK;
    if (rc == EXIT_OK) {
        mopt.actors = actors.v;
        mopt.n_actors = actors.n;
        mopt.countries = countries.v;
        mopt.n_countries = countries.n;
        mopt.roots = roots.v;
        mopt.n_roots = roots.n;
        st = dl_timeline_new(&mopt, &tl, &err);
        cli_progress_inputs(argc - optind, argv + optind);
        for (int i = optind; st == DL_OK && i < argc; i++) {
            st = add_path(tl, argv[i], &err);
            if (st == DL_OK) {
                dl_merge_stats s;
                dl_timeline_stats(tl, &s);
                cli_progress("merge: %zu events read", s.in_events);
            }
        }
        if (st == DL_OK) st = dl_timeline_finish(tl, &err);
        if (st != DL_OK) {
            cli_report("merge", &err);
            rc = cli_exit_status(st);
        }
    }
    if (rc == EXIT_OK) {
        dl_merge_stats s;
        dl_timeline_stats(tl, &s);
        char *stats = dl_merge_stats_json(&s);
        wopt.extra_json = stats;
        dl_atomic_file out;
        st = dl_atomic_open(&out, output, &err);
        dl_log_writer *w = NULL;
        if (st == DL_OK) {
            w = dl_log_writer_new(out.fp, &wopt);
            st = !stats || !w ? dl_error_set(&err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory")
                              : dl_timeline_write(tl, w, &err);
            if (st == DL_OK) st = dl_log_writer_finish(w, &err);
            if (st == DL_ERR_IO && !err.file[0]) snprintf(err.file, sizeof err.file, "%s", output);
            if (st == DL_OK) st = dl_atomic_commit(&out, &err);
            else dl_atomic_abort(&out);
        }
        dl_log_writer_free(w);
        free(stats);
        cli_progress_done();
        if (st != DL_OK) {
            cli_report("merge", &err);
            rc = EXIT_INPUT;
        } else if (!cli_quiet) {
            fprintf(stderr, "dipline merge: in %zu event%s, out %zu, folded %zu", s.in_events,
                    s.in_events == 1 ? "" : "s", s.out_events, s.folded);
            if (s.filtered) fprintf(stderr, ", filtered %zu", s.filtered);
            if (s.duplicates) fprintf(stderr, ", %zu duplicate mention%s dropped", s.duplicates, s.duplicates == 1 ? "" : "s");
            if (s.split) fprintf(stderr, ", %zu split", s.split);
            fprintf(stderr, " (%zu mention%s)\n", s.out_mentions, s.out_mentions == 1 ? "" : "s");
        }
    }
    dl_timeline_free(tl);
    for (size_t i = 0; i < keep.n; i++) free((char *)keep.v[i]);
    free(keep.v);
    free(actors.v);
    free(countries.v);
    free(roots.v);
    return rc < 0 ? EXIT_OK : rc;
}

/* cmd_timex.c - `dipline timex`: find the time expressions of TimeML
 * documents or articles and write them as TimeML (our TIMEX3 tags in the
 * text) or JSON. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../common/util.h"
#include "cli.h"

static void help(void) {
    printf("Usage: dipline timex [OPTIONS] FILE...\n\n"
           "Find the time expressions (dates, times, durations, sets) of each input and\n"
           "normalise them to TIMEX3 values against the publication date (DCT).\n\n"
           "FILE is a TimeML document (*.tml, or any file starting with <?xml or <TimeML:\n"
           "the DCT comes from <DCT><TIMEX3 value=...>, the text is <TEXT> without its\n"
           "tags), a folder of them, or an article, a folder of articles or - as for\n"
           "'dipline extract' (the DCT is the publication date).\n\n"
           "Options:\n"
           "  -f, --format FMT   json (default) or timeml\n"
           "  -o, --output PATH  json: the file to write (default or '-': standard output);\n"
           "                     timeml: a folder, written DIR/<input name>.tml (created\n"
           "                     if missing; required with several inputs), or one file\n"
           "                     for a single input.  Files are written whole or not at all.\n"
           "      --dct DATE     publication date (YYYY-MM-DD) for every input, replacing\n"
           "                     the one it gives (--date is the same)\n"
           "  -k, --keep-going   report a bad input, skip it, go on (exit 1 at the end)\n"
           "      --repeat N     tokenise and tag each document N times (output once) and\n"
           "                     report the tagging speed in MB/s on standard error\n"
           "  -q, --quiet        no summary on standard error\n"
           "  -h, --help         show this help\n"
           "Limits (articles; --max-article-bytes also TimeML files):\n%s\n"
           "JSON output: {\"schema\": \"dipline/timex/1\", \"documents\": [{\"id\", \"file\",\n"
           "\"dct\", \"timexes\": [{\"tid\", \"start\", \"end\", \"text\", \"type\", \"value\", \"mod\",\n"
           "\"role\", \"interval\": {\"start\", \"end\", \"granularity\"}}]}]} (byte offsets).\n\n"
           "Exit status: 0 success, 1 bad input, 2 bad usage.\n",
           cli_limits_help);
}

typedef struct {
    bool timeml;
    const char *output;
    bool out_dir;       /* timeml into a folder */
    dl_day dct;         /* --dct, or DL_DAY_NONE */
    bool keep_going;
    dl_reader_options limits; /* --max-article-bytes ... */
    dl_atomic_file json_out;
    bool json_first;
    size_t docs, timexes, failures;
    size_t bytes;
    long repeat;        /* --repeat: tag each document this many times */
    double tag_seconds; /* time spent tokenising and tagging */
    size_t tag_bytes;   /* text bytes tagged (repeats included) */
} run_state;

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static bool ends_with(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static const char *base_name(const char *path) {
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static const char *role_name(dl_timex_role r) {
    switch (r) {
    case DL_TIMEX_UNTIL: return "until";
    case DL_TIMEX_SINCE: return "since";
    case DL_TIMEX_RANGE_FROM: return "from";
    case DL_TIMEX_RANGE_TO: return "to";
    default: return NULL;
    }
}

/* The start of the JSON output, written with the first document (or at the
 * end), so that bad input found first leaves standard output empty. */
static void json_head(run_state *rs) {
    fprintf(rs->json_out.fp, "{\n\"schema\": \"dipline/timex/1\",\n\"generator\": \"dipline %s\",\n\"documents\": [",
            dl_version());
}

/* Write one tagged document: into the JSON stream or as a TimeML file. */
static dl_status emit(run_state *rs, const char *id, const char *file, const char *tml_name, dl_day dct,
                      const char *text, size_t len, const dl_timex_list *tl, dl_error *err) {
    rs->docs++;
    rs->timexes += tl->n;
    rs->bytes += len;
    if (rs->timeml) {
        char *path = NULL;
        if (rs->out_dir) {
            size_t n = strlen(rs->output) + strlen(tml_name) + 2;
            path = malloc(n);
            if (!path) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
            snprintf(path, n, "%s/%s", rs->output, tml_name);
        }
        dl_atomic_file af;
        dl_status st = dl_atomic_open(&af, path ? path : rs->output, err);
        if (st == DL_OK) {
            st = dl_timeml_write(af.fp, id, dct, text, len, tl, err);
            if (st == DL_OK) st = dl_atomic_commit(&af, err);
            else dl_atomic_abort(&af);
        }
        free(path);
        return st;
    }
    json_t *doc = json_object();
    char day[16];
    json_object_set_new(doc, "id", json_string(id));
    json_object_set_new(doc, "file", json_string(file));
    json_object_set_new(doc, "dct", dct == DL_DAY_NONE ? json_null() : json_string(dl_day_format(dct, day)));
    json_t *arr = json_array();
    for (size_t k = 0; k < tl->n; k++) {
        const dl_timex *t = &tl->items[k];
        char tid[24];
        snprintf(tid, sizeof tid, "t%zu", k + 1);
        json_t *o = json_pack("{s:s,s:I,s:I,s:s#,s:s,s:s}", "tid", tid, "start", (json_int_t)t->start, "end",
                              (json_int_t)t->end, "text", text + t->start, (int)(t->end - t->start), "type",
                              dl_timex_type_name(t->type), "value", t->value);
        if (!o) continue;
        if (t->mod[0]) json_object_set_new(o, "mod", json_string(t->mod));
        if (role_name(t->role)) json_object_set_new(o, "role", json_string(role_name(t->role)));
        if (t->when.start != DL_DAY_NONE) {
            char a[16], b[16];
            json_object_set_new(o, "interval",
                                json_pack("{s:s,s:s,s:s}", "start", dl_day_format(t->when.start, a), "end",
                                          dl_day_format(t->when.end, b), "granularity",
                                          dl_granularity_name(t->when.granularity)));
        }
        json_object_set_new(o, "sentence", json_integer(t->sentence));
        json_array_append_new(arr, o);
    }
    json_object_set_new(doc, "timexes", arr);
    char *s = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(doc);
    if (!s) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    if (rs->json_first) json_head(rs);
    fputs(rs->json_first ? "\n" : ",\n", rs->json_out.fp);
    fputs(s, rs->json_out.fp);
    rs->json_first = false;
    free(s);
    return DL_OK;
}

static dl_status tag_text(run_state *rs, const char *id, const char *file, const char *tml_name, dl_day dct,
                          const char *text, size_t len, dl_error *err) {
    dl_doc *doc = NULL;
    dl_timex_list tl = {0};
    dl_status st = DL_OK;
    double t0 = now_seconds();
    for (long k = 0; k < rs->repeat && st == DL_OK; k++) {
        /* the last round is the one written out */
        dl_doc_free(doc);
        doc = NULL;
        tl.n = 0;
        st = dl_doc_new(text, len, &doc, err);
        if (st == DL_OK) st = dl_timex_tag(doc, dct, &tl, err);
    }
    rs->tag_seconds += now_seconds() - t0;
    rs->tag_bytes += len * (size_t)rs->repeat;
    if (st == DL_OK) st = emit(rs, id, file, tml_name, dct, text, len, &tl, err);
    dl_timex_list_clear(&tl);
    dl_doc_free(doc);
    return st;
}

static bool looks_timeml(const char *path) {
    if (ends_with(path, ".tml")) return true;
    if (strcmp(path, "-") == 0) return false;
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    char head[256];
    size_t n = fread(head, 1, sizeof head - 1, f);
    fclose(f);
    head[n] = 0;
    return strstr(head, "<TimeML") != NULL || (strncmp(head, "<?xml", 5) == 0 && strstr(head, "TimeML"));
}

static dl_status do_timeml(run_state *rs, const char *path, dl_error *err) {
    char *xml;
    size_t len;
    dl_status st = dl_read_file(path, rs->limits.max_article_bytes ? rs->limits.max_article_bytes
                                                                   : DL_DEFAULT_MAX_ARTICLE, &xml, &len, err);
    if (st != DL_OK) return st;
    dl_timeml_doc d;
    st = dl_timeml_read(xml ? xml : "", len, path, &d, err);
    free(xml);
    if (st != DL_OK) return st;
    dl_day dct = rs->dct != DL_DAY_NONE ? rs->dct : d.dct;
    const char *name = base_name(path);
    char *stem = dl_strdup(name);
    if (stem && ends_with(stem, ".tml")) stem[strlen(stem) - 4] = 0;
    char tml_name[1024];
    snprintf(tml_name, sizeof tml_name, "%s%s", name, ends_with(name, ".tml") ? "" : ".tml");
    st = tag_text(rs, d.docid ? d.docid : stem ? stem : name, path, tml_name, dct, d.text, d.text_len, err);
    if (st != DL_OK && !err->file[0]) snprintf(err->file, sizeof err->file, "%s", path);
    free(stem);
    dl_timeml_doc_clear(&d);
    return st;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* A folder of TimeML documents: every *.tml inside, sorted.  Returns false
 * (and does nothing) when it holds none. */
static bool tml_folder(run_state *rs, const char *path, dl_status *st, dl_error *err) {
    DIR *dir = opendir(path);
    if (!dir) return false;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dir))) {
        if (de->d_name[0] == '.' || !ends_with(de->d_name, ".tml")) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) break;
            names = p;
        }
        size_t l = strlen(path) + strlen(de->d_name) + 2;
        names[n] = malloc(l);
        if (!names[n]) break;
        snprintf(names[n++], l, "%s/%s", path, de->d_name);
    }
    closedir(dir);
    if (n == 0) {
        free(names);
        return false;
    }
    qsort(names, n, sizeof *names, cmp_str);
    *st = DL_OK;
    for (size_t i = 0; i < n; i++) {
        if (*st == DL_OK || (rs->keep_going && *st != DL_ERR_NOMEM && *st != DL_ERR_IO)) {
            if (*st != DL_OK) rs->failures++;
            *st = do_timeml(rs, names[i], err);
            if (*st != DL_OK && rs->keep_going) cli_report("timex", err);
        }
        free(names[i]);
    }
    free(names);
    return true;
}

static dl_status do_articles(run_state *rs, const char *path, dl_error *err) {
    dl_reader_options ropt = rs->limits;
    char day[16];
    if (rs->dct != DL_DAY_NONE) ropt.default_date = dl_day_format(rs->dct, day);
    dl_reader *r = dl_reader_new(&ropt);
    if (!r) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    dl_status st = dl_reader_add_path(r, path, err);
    while (st == DL_OK) {
        dl_article *a = NULL;
        st = dl_reader_next(r, &a, err);
        if (st != DL_OK) {
            if (rs->keep_going && st != DL_ERR_NOMEM) {
                cli_report("timex", err);
                rs->failures++;
                st = DL_OK;
                continue;
            }
            break;
        }
        if (!a) break;
        dl_day dct = rs->dct != DL_DAY_NONE ? rs->dct : a->published;
        char tml_name[1024];
        snprintf(tml_name, sizeof tml_name, "%s.tml", a->id);
        for (char *p = tml_name; *p; p++)
            if (*p == '/') *p = '_';
        st = tag_text(rs, a->id, a->origin, tml_name, dct, a->text, a->text_len, err);
        if (st != DL_OK && !err->file[0]) snprintf(err->file, sizeof err->file, "%s", a->origin);
        dl_article_free(a);
    }
    dl_reader_free(r);
    return st;
}

int cmd_timex(int argc, char **argv) {
    enum { O_DCT = 256, O_REPEAT };
    static const struct option longopts[] = {
        {"format", required_argument, 0, 'f'}, {"output", required_argument, 0, 'o'},
        {"dct", required_argument, 0, O_DCT},  {"date", required_argument, 0, O_DCT},
        {"keep-going", no_argument, 0, 'k'},
        {"quiet", no_argument, 0, 'q'},        {"help", no_argument, 0, 'h'},
        {"repeat", required_argument, 0, O_REPEAT}, CLI_LIMIT_LONGOPTS, {0, 0, 0, 0}};
    run_state rs = {.output = "-", .dct = DL_DAY_NONE, .json_first = true, .repeat = 1};
    bool bench = false;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":f:o:kqh", longopts, NULL)) != -1) {
        int lim = cli_limit_option("timex", c, optarg, &rs.limits, NULL);
        if (lim < 0) return EXIT_USAGE;
        if (lim) continue;
        switch (c) {
        case 'f':
            if (strcmp(optarg, "timeml") == 0) rs.timeml = true;
            else if (strcmp(optarg, "json") == 0) rs.timeml = false;
            else return cli_usage_error("timex", "unknown format '%s' (json, timeml)", optarg);
            break;
        case 'o': rs.output = optarg; break;
        case O_DCT:
            rs.dct = dl_day_parse(optarg);
            if (rs.dct == DL_DAY_NONE) return cli_usage_error("timex", "--dct wants YYYY-MM-DD, not '%s'", optarg);
            break;
        case 'k': rs.keep_going = true; break;
        case O_REPEAT:
            if (!cli_parse_size("timex", "--repeat", optarg, 1, 1000000, &rs.repeat)) return EXIT_USAGE;
            bench = true;
            break;
        case 'q': cli_quiet = true; break;
        case 'h': help(); return EXIT_OK;
        case ':': return cli_usage_error("timex", "option %s needs a value", argv[optind - 1]);
        default: return cli_usage_error("timex", "unknown option %s", argv[optind - 1]);
        }
    }
    if (optind >= argc) return cli_usage_error("timex", "no input given (a TimeML file, an article, a folder or -)");
    dl_error err;
    dl_error_clear(&err);
    dl_status st = DL_OK;
    if (rs.timeml) {
        /* several inputs (or a folder) go to a folder */
        struct stat sb;
        bool is_dir = strcmp(rs.output, "-") != 0 && stat(rs.output, &sb) == 0 && S_ISDIR(sb.st_mode);
        bool many = argc - optind > 1 || (stat(argv[optind], &sb) == 0 && S_ISDIR(sb.st_mode));
        if (many && strcmp(rs.output, "-") == 0)
            return cli_usage_error("timex", "several documents in TimeML need -o DIR");
        if (many && !is_dir && strcmp(rs.output, "-") != 0) {
            if (mkdir(rs.output, 0777) != 0 && errno != EEXIST) {
                fprintf(stderr, "dipline timex: cannot create folder %s: %s\n", rs.output, strerror(errno));
                return EXIT_INPUT;
            }
            is_dir = true;
        }
        rs.out_dir = is_dir;
    } else {
        st = dl_atomic_open(&rs.json_out, rs.output, &err);
        if (st != DL_OK) {
            cli_report("timex", &err);
            return EXIT_INPUT;
        }
    }
    for (int i = optind; i < argc && (st == DL_OK || rs.keep_going); i++) {
        const char *path = argv[i];
        if (st != DL_OK) {
            if (st == DL_ERR_NOMEM || st == DL_ERR_IO) break;
            st = DL_OK;
        }
        struct stat sb;
        if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) && tml_folder(&rs, path, &st, &err)) {
            /* done */
        } else if (looks_timeml(path)) {
            st = do_timeml(&rs, path, &err);
        } else {
            st = do_articles(&rs, path, &err);
        }
        if (st != DL_OK) {
            cli_report("timex", &err);
            rs.failures++;
        }
        cli_progress("timex: %zu documents, %zu expressions", rs.docs, rs.timexes);
    }
    cli_progress_done();
    bool failed = st != DL_OK && !rs.keep_going;
    if (!rs.timeml) {
        if (!failed) {
            if (rs.json_first) json_head(&rs);
            fputs("\n]\n}\n", rs.json_out.fp);
            if (dl_atomic_commit(&rs.json_out, &err) != DL_OK) {
                cli_report("timex", &err);
                failed = true;
            }
        } else {
            dl_atomic_abort(&rs.json_out);
        }
    }
    if (!failed && !cli_quiet)
        fprintf(stderr, "dipline timex: %zu document%s, %zu time expression%s%s\n", rs.docs, rs.docs == 1 ? "" : "s",
                rs.timexes, rs.timexes == 1 ? "" : "s", rs.failures ? ", some inputs skipped: see above" : "");
    if (bench && !failed && rs.tag_seconds > 0)
        fprintf(stderr, "dipline timex: tagged %.2f MB of text in %.3f s: %.2f MB/s\n", rs.tag_bytes / 1e6,
                rs.tag_seconds, rs.tag_bytes / 1e6 / rs.tag_seconds);
    if (failed) return cli_exit_status(st == DL_ERR_USAGE ? DL_ERR_USAGE : DL_ERR_INPUT);
    return rs.failures ? EXIT_INPUT : EXIT_OK;
}

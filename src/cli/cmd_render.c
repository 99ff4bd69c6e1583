/* cmd_render.c - `dipline render`: a timeline (event log) -> PNG, SVG or PDF. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/util.h"
#include "cli.h"

static void help(void) {
    printf("Usage: dipline render [OPTIONS] TIMELINE\n\n"
           "Draw a timeline (a dipline/events/1 log, normally from 'dipline merge';\n"
           "- reads standard input) as a picture.  The format follows the output\n"
           "file's extension: .png, .svg or .pdf.\n\n"
           "Options:\n"
           "  -o, --output FILE      write to FILE (written whole or not at all);\n"
           "                         default or '-': SVG on standard output\n"
           "  -f, --format FMT       png, svg or pdf, whatever the file is called\n"
           "  -l, --layout KIND      lanes (one lane per actor, lines to the target),\n"
           "                         list (a dated chronology of cards); default: a\n"
           "                         list for up to 24 events, lanes beyond\n"
           "      --lanes KEY        what a lane stands for: actor or country\n"
           "                         (default: actors when they fit, else countries)\n"
           "      --max-lanes N      lanes before the rest share an 'other actors'\n"
           "                         lane (default 10)\n"
           "  -W, --width PX         width in px (1/96 in; default 1200)\n"
           "  -H, --height PX        height in px (default: as tall as needed)\n"
           "  -t, --title TEXT       title (default: the main actors)\n"
           "      --from DATE        leave out events before DATE (YYYY-MM-DD)\n"
           "      --to DATE          leave out events after DATE\n"
           "  -a, --actors A,B,...   only events of these actors (names, country or\n"
           "                         actor codes), one lane each, in this order\n"
           "      --theme NAME       light (default), dark or print\n"
           "      --dpi N            PNG resolution (default 96: 1 px per px)\n"
           "  -q, --quiet            no summary on standard error\n"
           "  -h, --help             show this help\n\n"
           "Exit status: 0 success, 1 bad input, 2 bad usage.\n");
}

/* Split "A,B, C" into trimmed names (pointers into s, which is modified). */
static size_t split_actors(char *s, const char **out, size_t max) {
    size_t n = 0;
    for (char *tok = strtok(s, ","); tok && n < max; tok = strtok(NULL, ",")) {
        while (dl_isspace(*tok)) tok++;
        char *e = tok + strlen(tok);
        while (e > tok && dl_isspace(e[-1])) *--e = 0;
        if (*tok) out[n++] = tok;
    }
    return n;
}

static bool parse_day(const char *opt, const char *v, dl_day *out) {
    *out = dl_day_parse(v);
    if (*out == DL_DAY_NONE || strlen(v) != 10) {
        cli_usage_error("render", "%s wants a date YYYY-MM-DD, not '%s'", opt, v);
        return false;
    }
    return true;
}

int cmd_render(int argc, char **argv) {
    enum { O_LANES = 256, O_MAXLANES, O_FROM, O_TO, O_THEME, O_DPI };
    static const struct option longopts[] = {
        {"output", required_argument, 0, 'o'}, {"format", required_argument, 0, 'f'},
        {"layout", required_argument, 0, 'l'}, {"lanes", required_argument, 0, O_LANES},
        {"max-lanes", required_argument, 0, O_MAXLANES}, {"width", required_argument, 0, 'W'},
        {"height", required_argument, 0, 'H'}, {"title", required_argument, 0, 't'},
        {"from", required_argument, 0, O_FROM}, {"to", required_argument, 0, O_TO},
        {"actors", required_argument, 0, 'a'}, {"theme", required_argument, 0, O_THEME},
        {"dpi", required_argument, 0, O_DPI}, {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    dl_render_options ro;
    dl_render_options_init(&ro);
    const char *output = "-";
    dl_image_format fmt = DL_IMAGE_NONE;
    char *actors_arg = NULL;
    const char *actors[64];
    long v;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:f:l:W:H:t:a:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': output = optarg; break;
        case 'f':
            fmt = dl_image_format_parse(optarg);
            if (fmt == DL_IMAGE_NONE) return cli_usage_error("render", "unknown format '%s' (png, svg, pdf)", optarg);
            break;
        case 'l':
            if (strcmp(optarg, "lanes") == 0) ro.layout = DL_LAYOUT_LANES;
            else if (strcmp(optarg, "list") == 0) ro.layout = DL_LAYOUT_LIST;
            else if (strcmp(optarg, "auto") == 0) ro.layout = DL_LAYOUT_AUTO;
            else return cli_usage_error("render", "unknown layout '%s' (lanes, list)", optarg);
            break;
        case O_LANES:
            if (strcmp(optarg, "actor") == 0) ro.lanes = DL_LANES_ACTOR;
            else if (strcmp(optarg, "country") == 0) ro.lanes = DL_LANES_COUNTRY;
            else return cli_usage_error("render", "--lanes wants actor or country, not '%s'", optarg);
            break;
        case O_MAXLANES:
            if (!cli_parse_size("render", "--max-lanes", optarg, 1, 100, &v)) return EXIT_USAGE;
            ro.max_lanes = (size_t)v;
            break;
        case 'W':
            if (!cli_parse_size("render", "--width", optarg, 320, 20000, &v)) return EXIT_USAGE;
            ro.width = (double)v;
            break;
        case 'H':
            if (!cli_parse_size("render", "--height", optarg, 160, 30000, &v)) return EXIT_USAGE;
            ro.height = (double)v;
            break;
        case 't': ro.title = optarg; break;
        case O_FROM:
            if (!parse_day("--from", optarg, &ro.from)) return EXIT_USAGE;
            break;
        case O_TO:
            if (!parse_day("--to", optarg, &ro.to)) return EXIT_USAGE;
            break;
        case 'a': actors_arg = optarg; break;
        case O_THEME:
            if (strcmp(optarg, "light") == 0) ro.theme = DL_THEME_LIGHT;
            else if (strcmp(optarg, "dark") == 0) ro.theme = DL_THEME_DARK;
            else if (strcmp(optarg, "print") == 0) ro.theme = DL_THEME_PRINT;
            else return cli_usage_error("render", "unknown theme '%s' (light, dark, print)", optarg);
            break;
        case O_DPI:
            if (!cli_parse_size("render", "--dpi", optarg, 10, 2400, &v)) return EXIT_USAGE;
            ro.dpi = (double)v;
            break;
        case 'q': cli_quiet = true; break;
        case 'h': help(); return EXIT_OK;
        case ':': return cli_usage_error("render", "option %s needs a value", argv[optind - 1]);
        default: return cli_usage_error("render", "unknown option %s", argv[optind - 1]);
        }
    }
    if (optind >= argc) return cli_usage_error("render", "no timeline given (a file or -)");
    if (optind + 1 < argc) return cli_usage_error("render", "one timeline at a time (merge them first)");
    if (ro.from != DL_DAY_NONE && ro.to != DL_DAY_NONE && ro.to < ro.from)
        return cli_usage_error("render", "--to is before --from");
    bool to_stdout = strcmp(output, "-") == 0;
    if (fmt == DL_IMAGE_NONE) fmt = to_stdout ? DL_IMAGE_SVG : dl_image_format_from_path(output);
    if (fmt == DL_IMAGE_NONE)
        return cli_usage_error("render", "cannot tell the format of '%s': name it .png, .svg or .pdf, or give --format",
                               output);
    if (to_stdout && fmt != DL_IMAGE_SVG && isatty(STDOUT_FILENO))
        return cli_usage_error("render", "will not write a binary picture to a terminal: give -o FILE");
    char *actors_copy = NULL;
    if (actors_arg) {
        actors_copy = dl_strdup(actors_arg);
        if (!actors_copy) return EXIT_INPUT;
        ro.n_actors = split_actors(actors_copy, actors, sizeof actors / sizeof *actors);
        ro.actors = actors;
        if (!ro.n_actors) {
            free(actors_copy);
            return cli_usage_error("render", "--actors wants names separated by commas");
        }
    }

    /* Read the whole timeline: the layout needs every event. */
    const char *path = argv[optind];
    dl_error err;
    dl_error_clear(&err);
    dl_log_reader *r = NULL;
    dl_event_list events = {0};
    dl_render_model *m = NULL;
    dl_status st = dl_log_reader_open(path, &r, &err);
    while (st == DL_OK) {
        dl_event *ev = dl_event_list_add(&events);
        if (!ev) {
            st = dl_error_set(&err, DL_ERR_NOMEM, path, -1, -1, "out of memory");
            break;
        }
        bool got = false;
        st = dl_log_reader_next(r, ev, &got, &err);
        if (st != DL_OK || !got) {
            dl_event_clear(ev);
            events.n--; /* the slot taken for nothing */
            break;
        }
    }
    if (st == DL_OK) {
        st = dl_render_layout(events.items, events.n, &ro, &m, &err);
        if (st != DL_OK && !err.file[0]) snprintf(err.file, sizeof err.file, "%s", path);
    }
    if (st == DL_OK) st = dl_render_write(m, output, fmt, ro.dpi, &err);
    if (st == DL_OK && !cli_quiet && !to_stdout) {
        fprintf(stderr, "dipline render: %s: %s layout, %.0fx%.0f px, %zu events", output,
                m->layout == DL_LAYOUT_LIST ? "list" : "lanes", m->width, m->height, m->n_events);
        if (m->layout == DL_LAYOUT_LANES) fprintf(stderr, " in %zu lanes", m->n_lanes);
        if (m->n_clusters) fprintf(stderr, ", %zu clusters", m->n_clusters);
        if (m->n_hidden) fprintf(stderr, ", %zu not shown", m->n_hidden);
        fprintf(stderr, "\n");
    }
    if (st != DL_OK) cli_report("render", &err);
    dl_render_model_free(m);
    dl_event_list_clear(&events);
    dl_log_reader_free(r);
    free(actors_copy);
    dl_render_cleanup();
    return st == DL_OK ? EXIT_OK : st == DL_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
}

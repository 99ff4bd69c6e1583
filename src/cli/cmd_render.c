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
           "%s"
           "  -q, --quiet            no summary on standard error\n"
           "  -h, --help             show this help\n\n"
           "Exit status: 0 success, 1 bad input, 2 bad usage.\n",
           cli_render_help);
}

int cmd_render(int argc, char **argv) {
    static const struct option longopts[] = {
        {"output", required_argument, 0, 'o'}, {"format", required_argument, 0, 'f'},
        CLI_RENDER_LONGOPTS, {"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    cli_render_args ra;
    cli_render_args_init(&ra);
    const char *output = "-";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:f:" CLI_RENDER_SHORTOPTS "qh", longopts, NULL)) != -1) {
        int handled = cli_render_option("render", c, optarg, &ra);
        if (handled < 0) {
            cli_render_args_free(&ra);
            return EXIT_USAGE;
        }
        if (handled) continue;
        switch (c) {
        case 'o': output = optarg; break;
        case 'f':
            ra.fmt = dl_image_format_parse(optarg);
            if (ra.fmt == DL_IMAGE_NONE) {
                cli_render_args_free(&ra);
                return cli_usage_error("render", "unknown format '%s' (png, svg, pdf)", optarg);
            }
            break;
        case 'q': cli_quiet = true; break;
        case 'h': help(); cli_render_args_free(&ra); return EXIT_OK;
        case ':': cli_render_args_free(&ra); return cli_usage_error("render", "option %s needs a value", argv[optind - 1]);
        default: cli_render_args_free(&ra); return cli_usage_error("render", "unknown option %s", argv[optind - 1]);
        }
    }
    dl_render_options ro;
    if (optind >= argc) {
        cli_render_args_free(&ra);
        return cli_usage_error("render", "no timeline given (a file or -)");
    }
    if (optind + 1 < argc) {
        cli_render_args_free(&ra);
        return cli_usage_error("render", "one timeline at a time (merge them first)");
    }
    bool to_stdout = strcmp(output, "-") == 0;
    if (ra.fmt == DL_IMAGE_NONE && to_stdout) ra.fmt = DL_IMAGE_SVG;
    if (cli_render_check("render", &ra, output) < 0) {
        cli_render_args_free(&ra);
        return EXIT_USAGE;
    }
    if (to_stdout && ra.fmt != DL_IMAGE_SVG && isatty(STDOUT_FILENO)) {
        cli_render_args_free(&ra);
        return cli_usage_error("render", "will not write a binary picture to a terminal: give -o FILE");
    }
    ro = ra.ro;
    dl_image_format fmt = ra.fmt;

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
    cli_render_args_free(&ra);
    dl_render_cleanup();
    return st == DL_OK ? EXIT_OK : st == DL_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
}

/* cli.h - what the command files of the dipline program share: the command
 * table, error printing, progress display.  Only the CLI prints. */
#ifndef DL_CLI_H
#define DL_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "dipline/dipline.h"

typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
    const char *summary;
} cli_command;

/* Exit statuses (SPEC.md). */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

extern bool cli_quiet;    /* -q: no progress, no summary */
extern const char *cli_prog; /* "dipline" */

/* Print "dipline CMD: <formatted error>" to stderr. */
void cli_report(const char *cmd, const dl_error *err);
/* Print a usage error and a hint to run --help; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Map a library status to an exit status. */
int cli_exit_status(dl_status st);
/* Parse a positive integer option value; false (and message) if bad. */
bool cli_parse_size(const char *cmd, const char *opt, const char *v, long min, long max, long *out);

/* Progress on stderr, only when stderr is a terminal and not quiet. */
void cli_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_progress_done(void);
/* progress.c: the bar.  Tell the inputs (their total size; "-" makes it
 * unknown), then after each article how many bytes of which file were
 * read; cli_progress() then draws a bar with the percentage done. */
void cli_progress_inputs(int n, char **paths);
void cli_progress_advance(const char *origin, uint64_t bytes);
bool cli_progress_enabled(void); /* stderr a terminal, not -q */
bool cli_progress_due(void);     /* half a second into the run */
void cli_progress_line(const char *msg); /* draw (for main.c) */
/* Colour on stderr: a terminal, no $NO_COLOR, TERM not dumb. */
bool cli_color(void);

/* The event-log formats of --format (dl_format_parse) and their help. */
#define CLI_FORMATS "json, jsonl, csv, tsv, timelinejs, vis, csv-dipline"
#define CLI_FORMAT_HELP                                                              \
    "  -f, --format FMT       json (default): the dipline/events/1 log;\n"           \
    "                         jsonl: one event per line; csv: ICEWS columns;\n"     \
    "                         tsv: GDELT columns; timelinejs: TimelineJS JSON;\n"   \
    "                         vis: vis-timeline items and groups; csv-dipline:\n"   \
    "                         dipline's own CSV columns\n"

/* The picture options of `render` and `build` (render_opts.c).  Long options
 * without a short form use these values in getopt's table. */
enum { CLI_O_LANES = 300, CLI_O_MAXLANES, CLI_O_FROM, CLI_O_TO, CLI_O_THEME, CLI_O_DPI };
#define CLI_RENDER_LONGOPTS                                                                               \
    {"layout", required_argument, 0, 'l'}, {"lanes", required_argument, 0, CLI_O_LANES},                   \
        {"max-lanes", required_argument, 0, CLI_O_MAXLANES}, {"width", required_argument, 0, 'W'},        \
        {"height", required_argument, 0, 'H'}, {"title", required_argument, 0, 't'},                      \
        {"from", required_argument, 0, CLI_O_FROM}, {"to", required_argument, 0, CLI_O_TO},               \
        {"actors", required_argument, 0, 'a'}, {"theme", required_argument, 0, CLI_O_THEME},              \
        {"dpi", required_argument, 0, CLI_O_DPI}
#define CLI_RENDER_SHORTOPTS "l:W:H:t:a:"
typedef struct cli_render_args {
    dl_render_options ro;
    dl_image_format fmt;
    char *actors_copy;
    const char *actors[64];
} cli_render_args;
extern const char *const cli_render_help;
void cli_render_args_init(cli_render_args *a);
void cli_render_args_free(cli_render_args *a);
/* Handle option c: 1 handled, 0 not a picture option, -1 bad usage
 * (already reported). */
int cli_render_option(const char *cmd, int c, const char *arg, cli_render_args *a);
/* Cross-option checks and the format from the output name; -1 bad usage. */
int cli_render_check(const char *cmd, cli_render_args *a, const char *output);

/* Resource limits of the commands that read articles (limits.c). */
enum { CLI_O_MAX_ARTICLE = 320, CLI_O_MAX_LINE, CLI_O_MAX_DEPTH, CLI_O_MAX_EVENTS };
#define CLI_LIMIT_LONGOPTS                                                                                \
    {"max-article-bytes", required_argument, 0, CLI_O_MAX_ARTICLE},                                       \
        {"max-line-bytes", required_argument, 0, CLI_O_MAX_LINE},                                         \
        {"max-json-depth", required_argument, 0, CLI_O_MAX_DEPTH}
#define CLI_EVENTS_LIMIT_LONGOPT {"max-events-per-sentence", required_argument, 0, CLI_O_MAX_EVENTS}
extern const char *const cli_limits_help;        /* the three reader limits */
extern const char *const cli_events_limit_help;  /* --max-events-per-sentence */
/* Handle option c: 1 handled, 0 not a limit option, -1 bad usage (already
 * reported).  xo may be NULL for commands that do not extract. */
int cli_limit_option(const char *cmd, int c, const char *arg, dl_reader_options *ro, dl_extract_options *xo);

int cmd_build(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_sentences(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_timex(int argc, char **argv);

#endif

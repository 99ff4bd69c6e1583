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

int cmd_extract(int argc, char **argv);
int cmd_sentences(int argc, char **argv);
int cmd_timex(int argc, char **argv);

#endif

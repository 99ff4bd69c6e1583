/* main.c - the dipline program: command dispatch, shared option helpers,
 * signal handling.  Each command lives in its own cmd_*.c file. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../common/util.h"
#include "cli.h"

bool cli_quiet = false;
const char *cli_prog = "dipline";

static const cli_command commands[] = {
    {"extract", cmd_extract, "articles -> events (one per mention)"},
    {"merge", cmd_merge, "event logs -> one ordered, deduplicated timeline"},
    {"render", cmd_render, "timeline -> picture (PNG, SVG, PDF)"},
    {"build", cmd_build, "articles -> timeline picture: extract, merge and render in one go"},
    {"sentences", cmd_sentences, "show how articles are split into sentences"},
    {"timex", cmd_timex, "time expressions of TimeML documents or articles (TIMEX3)"},
};
static const size_t n_commands = sizeof commands / sizeof *commands;

void cli_report(const char *cmd, const dl_error *err) {
    char buf[1400];
    cli_progress_done();
    fprintf(stderr, "%s%s %s:%s %s\n", cli_color() ? "\033[1;31m" : "", cli_prog, cmd, cli_color() ? "\033[0m" : "",
            dl_error_format(err, buf, sizeof buf));
}

int cli_usage_error(const char *cmd, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s%s %s:%s ", cli_color() ? "\033[1;31m" : "", cli_prog, cmd, cli_color() ? "\033[0m" : "");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s %s --help'.\n", cli_prog, cmd);
    return EXIT_USAGE;
}

int cli_exit_status(dl_status st) {
    switch (st) {
    case DL_OK: return EXIT_OK;
    case DL_ERR_USAGE: return EXIT_USAGE;
    default: return EXIT_INPUT;
    }
}

bool cli_parse_size(const char *cmd, const char *opt, const char *v, long min, long max, long *out) {
    char *end;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < min || n > max) {
        cli_usage_error(cmd, "%s wants a number from %ld to %ld, not '%s'", opt, min, max, v);
        return false;
    }
    *out = n;
    return true;
}

static bool progress_shown;
static struct timespec progress_last;

void cli_progress(const char *fmt, ...) {
    if (!cli_progress_enabled() || !cli_progress_due()) return; /* progress.c */
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double dt = (double)(now.tv_sec - progress_last.tv_sec) + (now.tv_nsec - progress_last.tv_nsec) / 1e9;
    if (progress_shown && dt < 0.2) return;
    progress_last = now;
    va_list ap;
    va_start(ap, fmt);
    char msg[400];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cli_progress_line(msg); /* with a bar when the input size is known */
    progress_shown = true;
}

void cli_progress_done(void) {
    if (progress_shown) fputs("\r\033[K", stderr);
    progress_shown = false;
}

static void on_signal(int sig) {
    dl_atomic_cleanup_all();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void usage(FILE *f) {
    fprintf(f, "Usage: %s COMMAND [OPTIONS] ...\n\n"
               "dipline reads news articles and builds a timeline of diplomatic events:\n"
               "who did what to whom, and when (CAMEO-coded, dated from the text).\n\n"
               "Commands:\n", cli_prog);
    for (size_t i = 0; i < n_commands; i++) fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n'%s COMMAND --help' or '%s help COMMAND' describes a command.\n"
               "'%s --version' prints the version.\n", cli_prog, cli_prog, cli_prog);
}

static const cli_command *find(const char *name) {
    for (size_t i = 0; i < n_commands; i++)
        if (strcmp(commands[i].name, name) == 0) return &commands[i];
    return NULL;
}

int main(int argc, char **argv) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGPIPE, &sa, NULL);

    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0 || strcmp(cmd, "version") == 0) {
        printf("dipline %s\n", dl_version());
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0) {
        if (argc < 3) {
            usage(stdout);
            return EXIT_OK;
        }
        const cli_command *c = find(argv[2]);
        if (!c) {
            fprintf(stderr, "%s: no command '%s'\n", cli_prog, argv[2]);
            return EXIT_USAGE;
        }
        char *hargv[] = {argv[2], "--help", NULL};
        return c->run(2, hargv);
    }
    const cli_command *c = find(cmd);
    if (!c) {
        fprintf(stderr, "%s: no command '%s'\n\n", cli_prog, cmd);
        usage(stderr);
        return EXIT_USAGE;
    }
    return c->run(argc - 1, argv + 1);
}

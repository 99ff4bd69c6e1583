/* render_opts.c - the picture options that `dipline render` and `dipline
 * build` share: parsing into dl_render_options, and their help text. */
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "cli.h"

const char *const cli_render_help =
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
    "      --dpi N            PNG resolution (default 96: 1 px per px)\n";

void cli_render_args_init(cli_render_args *a) {
    memset(a, 0, sizeof *a);
    dl_render_options_init(&a->ro);
    a->fmt = DL_IMAGE_NONE;
}

void cli_render_args_free(cli_render_args *a) {
    free(a->actors_copy);
    a->actors_copy = NULL;
}

static bool parse_day(const char *cmd, const char *opt, const char *v, dl_day *out) {
    *out = dl_day_parse(v);
    if (*out == DL_DAY_NONE || strlen(v) != 10) {
        cli_usage_error(cmd, "%s wants a date YYYY-MM-DD, not '%s'", opt, v);
        return false;
    }
    return true;
}

/* Split "A,B, C" into trimmed names (pointers into s, which is modified). */
static size_t split_actors(char *s, const char **out, size_t max) {
    size_t n = 0;
    char *save = NULL;
    for (char *tok = strtok_r(s, ",", &save); tok && n < max; tok = strtok_r(NULL, ",", &save)) {
        while (dl_isspace(*tok)) tok++;
        char *e = tok + strlen(tok);
        while (e > tok && dl_isspace(e[-1])) *--e = 0;
        if (*tok) out[n++] = tok;
    }
    return n;
}

int cli_render_option(const char *cmd, int c, const char *arg, cli_render_args *a) {
    dl_render_options *ro = &a->ro;
    long v;
    switch (c) {
    case 'l':
        if (strcmp(arg, "lanes") == 0) ro->layout = DL_LAYOUT_LANES;
        else if (strcmp(arg, "list") == 0) ro->layout = DL_LAYOUT_LIST;
        else if (strcmp(arg, "auto") == 0) ro->layout = DL_LAYOUT_AUTO;
        else return cli_usage_error(cmd, "unknown layout '%s' (lanes, list)", arg), -1;
        return 1;
    case CLI_O_LANES:
        if (strcmp(arg, "actor") == 0) ro->lanes = DL_LANES_ACTOR;
        else if (strcmp(arg, "country") == 0) ro->lanes = DL_LANES_COUNTRY;
        else return cli_usage_error(cmd, "--lanes wants actor or country, not '%s'", arg), -1;
        return 1;
    case CLI_O_MAXLANES:
        if (!cli_parse_size(cmd, "--max-lanes", arg, 1, 100, &v)) return -1;
        ro->max_lanes = (size_t)v;
        return 1;
    case 'W':
        if (!cli_parse_size(cmd, "--width", arg, 320, 20000, &v)) return -1;
        ro->width = (double)v;
        return 1;
    case 'H':
        if (!cli_parse_size(cmd, "--height", arg, 160, 30000, &v)) return -1;
        ro->height = (double)v;
        return 1;
    case 't': ro->title = arg; return 1;
    case CLI_O_FROM: return parse_day(cmd, "--from", arg, &ro->from) ? 1 : -1;
    case CLI_O_TO: return parse_day(cmd, "--to", arg, &ro->to) ? 1 : -1;
    case 'a':
        free(a->actors_copy);
        a->actors_copy = dl_strdup(arg);
        if (!a->actors_copy) return -1;
        ro->n_actors = split_actors(a->actors_copy, a->actors, sizeof a->actors / sizeof *a->actors);
        ro->actors = a->actors;
        if (!ro->n_actors) return cli_usage_error(cmd, "--actors wants names separated by commas"), -1;
        return 1;
    case CLI_O_THEME:
        if (strcmp(arg, "light") == 0) ro->theme = DL_THEME_LIGHT;
        else if (strcmp(arg, "dark") == 0) ro->theme = DL_THEME_DARK;
        else if (strcmp(arg, "print") == 0) ro->theme = DL_THEME_PRINT;
        else return cli_usage_error(cmd, "unknown theme '%s' (light, dark, print)", arg), -1;
        return 1;
    case CLI_O_DPI:
        if (!cli_parse_size(cmd, "--dpi", arg, 10, 2400, &v)) return -1;
        ro->dpi = (double)v;
        return 1;
    default: return 0;
    }
}

int cli_render_check(const char *cmd, cli_render_args *a, const char *output) {
    if (a->ro.from != DL_DAY_NONE && a->ro.to != DL_DAY_NONE && a->ro.to < a->ro.from)
        return cli_usage_error(cmd, "--to is before --from"), -1;
    if (a->fmt == DL_IMAGE_NONE && output) a->fmt = dl_image_format_from_path(output);
    if (a->fmt == DL_IMAGE_NONE && output)
        return cli_usage_error(cmd, "cannot tell the format of '%s': name it .png, .svg or .pdf", output), -1;
    return 0;
}

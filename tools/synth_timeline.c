/* synth_timeline.c - write a synthetic timeline (tools/synth.h) as a
 * dipline/events/1 log, for benchmarks and for looking at pictures.
 *
 *   synth-timeline [--seed N] [--events N] [--days N] [--start YYYY-MM-DD] [-o FILE]
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/common/util.h"
#include "synth.h"

int main(int argc, char **argv) {
    synth_options o = {.seed = 1, .events = 1000, .days = 365, .start = dl_day_from_ymd(2021, 10, 1)};
    const char *out = "-";
    static const struct option longopts[] = {{"seed", required_argument, 0, 's'}, {"events", required_argument, 0, 'n'},
                                             {"days", required_argument, 0, 'd'}, {"start", required_argument, 0, 'S'},
                                             {"output", required_argument, 0, 'o'}, {"help", no_argument, 0, 'h'},
                                             {0, 0, 0, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "s:n:d:S:o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 's': o.seed = strtoull(optarg, NULL, 10); break;
        case 'n': o.events = strtoul(optarg, NULL, 10); break;
        case 'd': o.days = atoi(optarg); break;
        case 'S': o.start = dl_day_parse(optarg); break;
        case 'o': out = optarg; break;
        case 'h':
            printf("Usage: synth-timeline [--seed N] [--events N] [--days N] [--start YYYY-MM-DD] [-o FILE]\n");
            return 0;
        default: return 2;
        }
    }
    if (o.start == DL_DAY_NONE || o.days < 1) {
        fprintf(stderr, "synth-timeline: bad --start or --days\n");
        return 2;
    }
    dl_event_list l = {0};
    size_t n_art;
    dl_error err;
    dl_error_clear(&err);
    if (synth_timeline(&o, &l, &n_art) != DL_OK) {
        fprintf(stderr, "synth-timeline: out of memory\n");
        return 1;
    }
    dl_atomic_file af;
    if (dl_atomic_open(&af, out, &err) != DL_OK) {
        fprintf(stderr, "synth-timeline: %s\n", err.message);
        return 1;
    }
    dl_log_writer_options wo = {.format = DL_FORMAT_JSON, .pretty = false, .generator = "synth-timeline"};
    dl_log_writer *w = dl_log_writer_new(af.fp, &wo);
    dl_status st = w ? DL_OK : DL_ERR_NOMEM;
    for (size_t i = 1; st == DL_OK && i <= n_art; i++) {
        char id[32], pub[16];
        snprintf(id, sizeof id, "synth-%04zu", i);
        dl_article_info a = {id, "Synthetic article", "synth", NULL, dl_day_format(o.start, pub)};
        st = dl_log_writer_article(w, &a, &err);
    }
    for (size_t i = 0; st == DL_OK && i < l.n; i++) st = dl_log_writer_event(w, &l.items[i], &err);
    if (st == DL_OK) st = dl_log_writer_finish(w, &err);
    dl_log_writer_free(w);
    if (st == DL_OK) st = dl_atomic_commit(&af, &err);
    else dl_atomic_abort(&af);
    dl_event_list_clear(&l);
    if (st != DL_OK) fprintf(stderr, "synth-timeline: %s\n", err.message);
    return st == DL_OK ? 0 : 1;
}

/* synth.c - synthetic timelines (see synth.h). */
#include "synth.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t next(uint64_t *s) { /* splitmix64 */
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
static double uniform(uint64_t *s) { return (double)(next(s) >> 11) / 9007199254740992.0; }
static size_t below(uint64_t *s, size_t n) { return (size_t)(uniform(s) * (double)n); }

static const struct {
    const char *name, *country, *sector;
    int weight;
} actors[] = {
    {"Vladimir Putin", "RUS", "GOV", 30},     {"Joe Biden", "USA", "GOV", 26},
    {"Volodymyr Zelensky", "UKR", "GOV", 24}, {"Olaf Scholz", "DEU", "GOV", 16},
    {"Emmanuel Macron", "FRA", "GOV", 16},    {"Sergey Lavrov", "RUS", "GOV", 16},
    {"Antony Blinken", "USA", "GOV", 14},     {"Liz Truss", "GBR", "GOV", 10},
    {"Boris Johnson", "GBR", "GOV", 10},      {"NATO", "NATO", NULL, 12},
    {"Jens Stoltenberg", "NATO", "GOV", 9},   {"European Union", "EU", NULL, 8},
    {"Ursula von der Leyen", "EU", "GOV", 7}, {"Dmytro Kuleba", "UKR", "GOV", 8},
    {"Annalena Baerbock", "DEU", "GOV", 5},   {"Jean-Yves Le Drian", "FRA", "GOV", 5},
    {"Alexander Lukashenko", "BLR", "GOV", 5}, {"Recep Tayyip Erdoğan", "TUR", "GOV", 4},
    {"Péter Szijjártó", "HUN", "GOV", 3},     {"Дмитрий Песков", "RUS", "GOV", 4},
    {"Олексій Резніков", "UKR", "MIL", 3},    {NULL, "RUS", "MIL", 4},
    {"António Guterres", "UN", "GOV", 3},     {"Andrzej Duda", "POL", "GOV", 3},
};
#define N_ACTORS (sizeof actors / sizeof *actors)

static const struct {
    const char *code;
    int weight;
} codes[] = {
    {"010", 14}, {"012", 4}, {"013", 3}, {"015", 1}, {"016", 2}, {"018", 1}, {"020", 4}, {"022", 2},
    {"026", 3},  {"030", 3}, {"031", 2}, {"036", 3}, {"040", 10}, {"042", 6}, {"043", 5}, {"046", 4},
    {"050", 3},  {"051", 2}, {"057", 1}, {"061", 1}, {"070", 2}, {"071", 2}, {"080", 1}, {"090", 1},
    {"100", 2},  {"111", 3}, {"112", 6}, {"114", 2}, {"120", 2}, {"125", 2}, {"128", 1}, {"130", 2},
    {"138", 2},  {"139", 1}, {"140", 1}, {"163", 2}, {"172", 2}, {"173", 1}, {"180", 1}, {"190", 2},
    {"192", 1},  {"193", 1}, {"195", 1}, {"204", 1},
};
#define N_CODES (sizeof codes / sizeof *codes)

/* Words written for these tests, in the register of diplomatic quotes. */
static const char *const quotes[] = {
    "We will not accept any threat to our sovereignty.",
    "The door to diplomacy remains open, but time is running out.",
    "Our commitment to the security of our allies is unwavering.",
    "There can be no decision about us without us.",
    "We are ready to continue the dialogue on security guarantees, but not indefinitely.",
    "Any further incursion would be met with a swift and severe response.",
    "Мы не собираемся ни на кого нападать.",
    "Nous avons eu une discussion franche et approfondie.",
    "The talks were difficult, frank and useful, and we agreed to meet again next week in Geneva.",
    "Sanctions will be coordinated with our partners and they will bite.",
};
#define N_QUOTES (sizeof quotes / sizeof *quotes)

static size_t weighted_actor(uint64_t *s) {
    int total = 0;
    for (size_t i = 0; i < N_ACTORS; i++) total += actors[i].weight;
    int r = (int)below(s, (size_t)total);
    for (size_t i = 0; i < N_ACTORS; i++)
        if ((r -= actors[i].weight) < 0) return i;
    return 0;
}

static const char *weighted_code(uint64_t *s) {
    int total = 0;
    for (size_t i = 0; i < N_CODES; i++) total += codes[i].weight;
    int r = (int)below(s, (size_t)total);
    for (size_t i = 0; i < N_CODES; i++)
        if ((r -= codes[i].weight) < 0) return codes[i].code;
    return "010";
}

static int cmp_event(const void *a, const void *b) {
    const dl_event *x = a, *y = b;
    if (x->date.when.start != y->date.when.start) return x->date.when.start < y->date.when.start ? -1 : 1;
    return strcmp(x->id, y->id);
}

dl_status synth_timeline(const synth_options *o, dl_event_list *out, size_t *n_articles) {
    uint64_t s = o->seed ? o->seed : 1;
    int days = o->days > 0 ? o->days : 365;
    size_t n_art = o->events / 3 + 1;
    *n_articles = n_art;
    /* Bursts: a few busy episodes, one of them much bigger; quiet between. */
    size_t n_bursts = o->events / 40 + 3;
    double centre[256], width[256];
    if (n_bursts > 256) n_bursts = 256;
    for (size_t b = 0; b < n_bursts; b++) {
        centre[b] = uniform(&s) * days;
        width[b] = 1 + uniform(&s) * days / 40.0;
    }
    size_t first = out->n;
    for (size_t i = 0; i < o->events; i++) {
        dl_event *ev = dl_event_list_add(out);
        if (!ev) return DL_ERR_NOMEM;
        char buf[64];
        snprintf(buf, sizeof buf, "synth:%06zu", i);
        ev->id = strdup(buf);
        size_t b = uniform(&s) < 0.3 ? 0 : below(&s, n_bursts);
        double u1 = uniform(&s) + 1e-12, u2 = uniform(&s);
        double off = sqrt(-2 * log(u1)) * cos(2 * M_PI * u2) * width[b];
        int d = (int)lround(centre[b] + off);
        d = d < 0 ? 0 : d >= days ? days - 1 : d;
        dl_day day = o->start + d;
        double g = uniform(&s);
        int y, m, dd;
        dl_day_to_ymd(day, &y, &m, &dd);
        if (g < 0.04) { /* a month */
            snprintf(buf, sizeof buf, "%04d-%02d", y, m);
        } else if (g < 0.08) { /* an ISO week */
            int iy, w;
            dl_day_iso_week(day, &iy, &w);
            snprintf(buf, sizeof buf, "%04d-W%02d", iy, w);
        } else if (g < 0.10) { /* a time of day */
            snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", y, m, dd, 8 + (int)below(&s, 12), 15 * (int)below(&s, 4));
        } else {
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
        }
        dl_when_parse(&ev->date.when, buf);
        if (g >= 0.08 && g < 0.10) ev->date.when.granularity = DL_GRAN_TIME;
        ev->date.inferred = uniform(&s) < 0.15;
        ev->date.basis = strdup(ev->date.inferred ? "publication" : "on Thursday");
        size_t a = weighted_actor(&s), t;
        do t = weighted_actor(&s);
        while (t == a);
        dl_entity_set(&ev->actor, actors[a].name ? actors[a].name : "Russian forces", actors[a].name,
                      actors[a].country, actors[a].sector);
        if (uniform(&s) < 0.88) {
            ev->has_target = true;
            dl_entity_set(&ev->target, actors[t].name ? actors[t].name : "Russian forces", actors[t].name,
                          actors[t].country, actors[t].sector);
        }
        dl_action_set_code(&ev->action, weighted_code(&s));
        ev->action.text = strdup("said");
        if (uniform(&s) < 0.3) ev->quote = strdup(quotes[below(&s, N_QUOTES)]);
        ev->confidence = 0.5 + 0.45 * uniform(&s);
        size_t n_src = 1;
        while (n_src < 12 && uniform(&s) < 0.45) n_src++;
        for (size_t k = 0; k < n_src; k++) {
            char art[32], text[64];
            snprintf(art, sizeof art, "synth-%04zu", below(&s, n_art) + 1);
            snprintf(text, sizeof text, "Synthetic sentence %zu of event %zu.", k, i);
            dl_mention mm = {.article = art, .sentence = (long)below(&s, 40), .start = 0, .end = 0, .text = text};
            mm.start = (long)below(&s, 5000);
            mm.end = mm.start + (long)strlen(text);
            if (dl_event_add_mention(ev, &mm) != DL_OK) return DL_ERR_NOMEM;
        }
        if (!ev->id || !ev->date.basis || !ev->action.text) return DL_ERR_NOMEM;
    }
    qsort(out->items + first, out->n - first, sizeof *out->items, cmp_event);
    return DL_OK;
}

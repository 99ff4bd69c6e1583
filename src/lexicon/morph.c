/* morph.c - regular English inflection (see morph.h).
 *
 * The doubling of a final consonant ("ban" -> "banned", but "visit" ->
 * "visited") depends on stress, which spelling does not show; when the rule
 * cannot tell, both spellings are produced.  An extra spelling that is not
 * a word costs nothing: it never occurs in text. */
#include "morph.h"

#include <stdio.h>
#include <string.h>

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* Consonant-vowel-consonant ending, where doubling may apply. */
static int cvc(const char *w, size_t n) {
    if (n < 3) return 0;
    char a = w[n - 3], b = w[n - 2], c = w[n - 1];
    if (is_vowel(a) || !is_vowel(b) || is_vowel(c)) return 0;
    return c != 'w' && c != 'x' && c != 'y';
}

/* Count vowel groups: a proxy for syllables. */
static int syllables(const char *w, size_t n) {
    int k = 0;
    for (size_t i = 0; i < n; i++)
        if (is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1]))) k++;
    return k;
}

int dl_morph_verb(const char *w, char s_form[64], char ed[2][64], char ing[2][64]) {
    size_t n = strlen(w);
    char last = n ? w[n - 1] : 0, prev = n > 1 ? w[n - 2] : 0;
    /* -s */
    if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')) ||
        (last == 'o' && !is_vowel(prev)))
        snprintf(s_form, 64, "%ses", w);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(s_form, 64, "%.*sies", (int)(n - 1), w);
    else
        snprintf(s_form, 64, "%s", w);
    if (strcmp(s_form, w) == 0) snprintf(s_form, 64, "%ss", w);
    /* -ed and -ing */
    int variants = 1;
    if (last == 'e') {
        snprintf(ed[0], 64, "%sd", w);
        if (prev == 'e' || prev == 'y' || prev == 'o') snprintf(ing[0], 64, "%sing", w); /* agreeing */
        else if (prev == 'i') snprintf(ing[0], 64, "%.*sying", (int)(n - 2), w);          /* tie -> tying */
        else snprintf(ing[0], 64, "%.*sing", (int)(n - 1), w);                            /* move -> moving */
    } else if (last == 'y' && !is_vowel(prev)) {
        snprintf(ed[0], 64, "%.*sied", (int)(n - 1), w);
        snprintf(ing[0], 64, "%sing", w);
    } else if (last == 'c') {
        snprintf(ed[0], 64, "%sked", w); /* panic -> panicked */
        snprintf(ing[0], 64, "%sking", w);
    } else if (cvc(w, n)) {
        int syl = syllables(w, n);
        snprintf(ed[0], 64, "%s%ced", w, last);
        snprintf(ing[0], 64, "%s%cing", w, last);
        if (syl > 1 || last == 'l') { /* unsure: visit/visited, cancel/cancelled */
            snprintf(ed[1], 64, "%sed", w);
            snprintf(ing[1], 64, "%sing", w);
            variants = 2;
        }
    } else {
        snprintf(ed[0], 64, "%sed", w);
        snprintf(ing[0], 64, "%sing", w);
    }
    return variants;
}

void dl_morph_plural(const char *w, char out[64]) {
    size_t n = strlen(w);
    char last = n ? w[n - 1] : 0, prev = n > 1 ? w[n - 2] : 0;
    if (n > 2 && strcmp(w + n - 2, "is") == 0) snprintf(out, 64, "%.*ses", (int)(n - 2), w);
    else if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')))
        snprintf(out, 64, "%ses", w);
    else if (last == 'y' && !is_vowel(prev)) snprintf(out, 64, "%.*sies", (int)(n - 1), w);
    else if (n > 2 && strcmp(w + n - 3, "man") == 0) snprintf(out, 64, "%.*smen", (int)(n - 3), w);
    else snprintf(out, 64, "%ss", w);
}

/* out = the first `keep` bytes of w, then `suffix` (at most 63 bytes in
 * all, as snprintf into 64 would give); no printf: this runs per word. */
static void cat2(char out[64], const char *w, size_t keep, const char *suffix) {
    size_t k = keep < 63 ? keep : 63, sl = strlen(suffix);
    memcpy(out, w, k);
    if (sl > 63 - k) sl = 63 - k;
    memcpy(out + k, suffix, sl);
    out[k + sl] = 0;
}

void dl_morph_singular(const char *w, char out[64]) {
    size_t n = strlen(w);
    if (n > 4 && strcmp(w + n - 3, "ies") == 0) cat2(out, w, n - 3, "y");
    else if (n > 4 && strcmp(w + n - 3, "ses") == 0 && w[n - 4] == 'i') cat2(out, w, n - 3, "is");
    else if (n > 4 && (strcmp(w + n - 4, "sses") == 0 || strcmp(w + n - 4, "ches") == 0 ||
                       strcmp(w + n - 4, "shes") == 0 || strcmp(w + n - 3, "xes") == 0))
        cat2(out, w, n - 2, "");
    else if (n > 3 && strcmp(w + n - 3, "men") == 0) cat2(out, w, n - 3, "man");
    else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
        cat2(out, w, n - 1, "");
    else cat2(out, w, n, "");
}

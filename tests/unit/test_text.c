/* Unit tests: tokeniser and sentence splitter (text/text.c). */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* Split `text` and compare the sentences with the NULL-terminated list. */
static void expect_sentences(const char *text, const char *const *want) {
    dl_doc *d;
    assert_int_equal(dl_doc_new(text, strlen(text), &d, NULL), DL_OK);
    size_t n = 0;
    while (want[n]) n++;
    for (size_t i = 0; i < d->n_sentences && i < n; i++) {
        const dl_sentence *s = &d->sentences[i];
        char *got = strndup(text + s->start, s->end - s->start);
        if (strcmp(got, want[i]) != 0) fail_msg("sentence %zu:\n  got  [%s]\n  want [%s]", i, got, want[i]);
        free(got);
    }
    if (d->n_sentences != n) fail_msg("%zu sentences, want %zu", d->n_sentences, n);
    dl_doc_free(d);
}

#define S(...) ((const char *const[]){__VA_ARGS__, NULL})

static void titles_and_initials(void **state) {
    (void)state;
    expect_sentences("Mr. Lavrov met Gen. Milley. Mrs. May left.",
                     S("Mr. Lavrov met Gen. Milley.", "Mrs. May left."));
    expect_sentences("Mr Lavrov spoke. Lt. Gen. James J. Mingus attended.",
                     S("Mr Lavrov spoke.", "Lt. Gen. James J. Mingus attended."));
    expect_sentences("Dr. Tedros of the W.H.O. warned on Monday.", S("Dr. Tedros of the W.H.O. warned on Monday."));
}

static void acronyms_and_months(void **state) {
    (void)state;
    expect_sentences("The U.S. and the U.K. agreed. Talks resume on Feb. 10 in Geneva.",
                     S("The U.S. and the U.K. agreed.", "Talks resume on Feb. 10 in Geneva."));
    expect_sentences("Sanctions were imposed by the U.S. The Kremlin denied it.",
                     S("Sanctions were imposed by the U.S.", "The Kremlin denied it."));
    expect_sentences("U.S. President Joe Biden spoke at 10 a.m. on Saturday.",
                     S("U.S. President Joe Biden spoke at 10 a.m. on Saturday."));
    expect_sentences("It was signed in Sept. He left.", S("It was signed in Sept.", "He left."));
    expect_sentences("See No. 10 Downing Street.", S("See No. 10 Downing Street."));
}

static void quotations(void **state) {
    (void)state;
    expect_sentences("\xe2\x80\x9cWe are ready. We will talk,\xe2\x80\x9d he said. Then he left.",
                     S("\xe2\x80\x9cWe are ready.", "We will talk,\xe2\x80\x9d he said.", "Then he left."));
    expect_sentences("He said it \xe2\x80\x9c" "bounced off the British delegation.\xe2\x80\x9d Truss disagreed.",
                     S("He said it \xe2\x80\x9c" "bounced off the British delegation.\xe2\x80\x9d", "Truss disagreed."));
    expect_sentences("\"Why?\" he asked. \"Because.\"", S("\"Why?\" he asked.", "\"Because.\""));
    expect_sentences("\xe2\x80\x9c" "Are you ready?\xe2\x80\x9d asked Lavrov.",
                     S("\xe2\x80\x9c" "Are you ready?\xe2\x80\x9d asked Lavrov."));
}

static void headlines_bullets_datelines(void **state) {
    (void)state;
    expect_sentences("Truss and Lavrov clash in Moscow\n\nThe talks were tense.",
                     S("Truss and Lavrov clash in Moscow", "The talks were tense."));
    expect_sentences("Key points:\n- Russia moved troops\n- NATO responded\n\nMore later.",
                     S("Key points:", "Russia moved troops", "NATO responded", "More later."));
    expect_sentences("\xe2\x80\xa2 First point\n\xe2\x80\xa2 Second point", S("First point", "Second point"));
    expect_sentences("MOSCOW (Reuters) - Russia said on Thursday it would talk.",
                     S("MOSCOW (Reuters) - Russia said on Thursday it would talk."));
    expect_sentences("KYIV, Ukraine \xe2\x80\x94 Ukraine's president spoke.",
                     S("KYIV, Ukraine \xe2\x80\x94 Ukraine's president spoke."));
    expect_sentences("Russia \xe2\x80\x94 and Belarus \xe2\x80\x94 held drills.",
                     S("Russia \xe2\x80\x94 and Belarus \xe2\x80\x94 held drills."));
}

static void dateline_tokens(void **state) {
    (void)state;
    const char *t = "MOSCOW (Reuters) - Russia said it would talk.";
    dl_doc *d;
    assert_int_equal(dl_doc_new(t, strlen(t), &d, NULL), DL_OK);
    assert_int_equal(d->n_sentences, 1);
    assert_true(d->sentences[0].flags & DL_SF_DATELINE);
    assert_int_equal(d->sentences[0].n_lead, 5); /* MOSCOW ( Reuters ) - */
    assert_string_equal(dl_doc_norm(d, d->sentences[0].first_token + 5), "russia");
    dl_doc_free(d);
}

static void wrapped_lines(void **state) {
    (void)state;
    expect_sentences("Russia's foreign minister said on Thursday that the\ntalks had been useful, and that "
                     "further\nmeetings would follow. NATO agreed.",
                     S("Russia's foreign minister said on Thursday that the\ntalks had been useful, and that "
                       "further\nmeetings would follow.",
                       "NATO agreed."));
}

static void offsets_and_tokens(void **state) {
    (void)state;
    const char *t = "  Russia\xe2\x80\x99s army didn't move.  NATO\xe2\x80\x94quietly\xe2\x80\x94watched.";
    dl_doc *d;
    assert_int_equal(dl_doc_new(t, strlen(t), &d, NULL), DL_OK);
    assert_int_equal(d->n_sentences, 2);
    assert_int_equal(d->sentences[0].start, 2);
    const char *want[] = {"russia", "'s", "army", "did", "n't", "move", "."};
    for (size_t i = 0; i < 7; i++) assert_string_equal(dl_doc_norm(d, i), want[i]);
    assert_true(d->tokens[0].flags & DL_TF_CAP);
    assert_true(d->tokens[1].flags & DL_TF_CLITIC);
    assert_true(d->tokens[7].flags & DL_TF_UPPER);
    assert_string_equal(dl_doc_norm(d, 8), "--");
    for (size_t i = 0; i < d->n_tokens; i++) assert_true(d->tokens[i].end <= strlen(t));
    dl_doc_free(d);
}

static void quote_flags(void **state) {
    (void)state;
    const char *t = "Lavrov said: \xe2\x80\x9cWe are not going to attack.\xe2\x80\x9d Then he left.";
    dl_doc *d;
    assert_int_equal(dl_doc_new(t, strlen(t), &d, NULL), DL_OK);
    size_t inside = 0;
    for (size_t i = 0; i < d->n_tokens; i++)
        if (d->tokens[i].flags & DL_TF_IN_QUOTE) inside++;
    assert_int_equal(inside, 9); /* open quote, 7 tokens incl. '.', close quote */
    dl_doc_free(d);
}

static void fold_non_ascii(void **state) {
    (void)state;
    char out[64];
    dl_text_fold("\xd0\x9b\xd0\xb0\xd0\xb2\xd1\x80\xd0\xbe\xd0\xb2", 12, out, sizeof out); /* Лавров */
    assert_string_equal(out, "\xd0\xbb\xd0\xb0\xd0\xb2\xd1\x80\xd0\xbe\xd0\xb2");
    dl_text_fold("\xc3\x89LYS\xc3\x89" "E", 8, out, sizeof out);
    assert_string_equal(out, "\xc3\xa9lys\xc3\xa9" "e");
}

static void empty_and_junk(void **state) {
    (void)state;
    dl_doc *d;
    assert_int_equal(dl_doc_new("", 0, &d, NULL), DL_OK);
    assert_int_equal(d->n_sentences, 0);
    dl_doc_free(d);
    assert_int_equal(dl_doc_new(" \n\n\t ", 5, &d, NULL), DL_OK);
    assert_int_equal(d->n_sentences, 0);
    dl_doc_free(d);
    const char *p = "... !!! ??? -- \xe2\x80\x94 \xe2\x80\x9c\xe2\x80\x9d";
    assert_int_equal(dl_doc_new(p, strlen(p), &d, NULL), DL_OK);
    dl_doc_free(d);
}

/* A long text without any punctuation must split in linear time, into
 * sentences of bounded length. */
static void long_unpunctuated(void **state) {
    (void)state;
    size_t n = 1u << 20;
    char *t = malloc(n + 1);
    for (size_t i = 0; i < n; i++) t[i] = i % 7 == 6 ? ' ' : 'a' + (char)(i % 5);
    t[n] = 0;
    dl_doc *d;
    assert_int_equal(dl_doc_new(t, n, &d, NULL), DL_OK);
    /* cut into sentences of at most DL_MAX_SENTENCE_TOKENS tokens that
     * cover every token, in order */
    assert_true(d->n_sentences >= d->n_tokens / DL_MAX_SENTENCE_TOKENS);
    size_t next = 0;
    for (size_t i = 0; i < d->n_sentences; i++) {
        const dl_sentence *s = &d->sentences[i];
        assert_int_equal(s->first_token, next);
        assert_true(s->n_tokens <= DL_MAX_SENTENCE_TOKENS);
        if (i + 1 < d->n_sentences) assert_true(s->flags & DL_SF_CUT);
        assert_false(s->flags & DL_SF_HEADLINE && s->flags & DL_SF_CUT);
        next += s->n_tokens;
    }
    assert_int_equal(next, d->n_tokens);
    dl_doc_free(d);
    /* with commas, the cut comes after a comma */
    for (size_t i = 0; i < n; i++) t[i] = i % 70 == 68 ? ',' : i % 7 == 6 ? ' ' : 'a' + (char)(i % 5);
    assert_int_equal(dl_doc_new(t, n, &d, NULL), DL_OK);
    assert_true(d->n_sentences > 1);
    assert_string_equal(dl_doc_norm(d, d->sentences[0].first_token + d->sentences[0].n_tokens - 1), ",");
    dl_doc_free(d);
    /* a 1 MB "word" (and a 1 MB run of question marks) becomes tokens of at
     * most DL_MAX_TOKEN_BYTES bytes */
    for (int pass = 0; pass < 2; pass++) {
        memset(t, pass ? '?' : 'x', n);
        assert_int_equal(dl_doc_new(t, n, &d, NULL), DL_OK);
        assert_int_equal(d->n_tokens, (n + DL_MAX_TOKEN_BYTES - 1) / DL_MAX_TOKEN_BYTES);
        for (size_t i = 0; i < d->n_tokens; i++) assert_true(d->tokens[i].end - d->tokens[i].start <= DL_MAX_TOKEN_BYTES);
        dl_doc_free(d);
    }
    free(t);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(titles_and_initials),
        cmocka_unit_test(acronyms_and_months),
        cmocka_unit_test(quotations),
        cmocka_unit_test(headlines_bullets_datelines),
        cmocka_unit_test(dateline_tokens),
        cmocka_unit_test(wrapped_lines),
        cmocka_unit_test(offsets_and_tokens),
        cmocka_unit_test(quote_flags),
        cmocka_unit_test(fold_non_ascii),
        cmocka_unit_test(empty_and_junk),
        cmocka_unit_test(long_unpunctuated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* timeml.c - reading and writing TimeML documents (the TempEval-3 form):
 * the DCT from <DCT><TIMEX3 value="...">, the text of <TEXT> without its
 * tags and with XML entities decoded; written back with our TIMEX3 tags. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "dipline/article.h"
#include "dipline/timex.h"

void dl_timeml_doc_clear(dl_timeml_doc *d) {
    free(d->docid);
    free(d->text);
    memset(d, 0, sizeof *d);
    d->dct = DL_DAY_NONE;
}

static long line_of(const char *s, size_t off) {
    long line = 1;
    for (size_t i = 0; i < off; i++) line += s[i] == '\n';
    return line;
}

/* Find `needle` in s[from..len) (not NUL-terminated). */
static const char *find(const char *s, size_t len, size_t from, const char *needle) {
    size_t n = strlen(needle);
    for (size_t i = from; i + n <= len; i++)
        if (s[i] == needle[0] && memcmp(s + i, needle, n) == 0) return s + i;
    return NULL;
}

/* Decode one entity at s (pointing at '&'); appends to b and returns the
 * bytes consumed, or 0 when it is not a known entity. */
static size_t entity(const char *s, size_t n, dl_buf *b) {
    static const struct { const char *name; char c; } named[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    for (size_t k = 0; k < 5; k++) {
        size_t l = strlen(named[k].name);
        if (n >= l && memcmp(s, named[k].name, l) == 0) {
            dl_buf_putc(b, named[k].c);
            return l;
        }
    }
    if (n >= 4 && s[1] == '#') {
        size_t i = 2;
        int base = 10;
        if (s[i] == 'x' || s[i] == 'X') base = 16, i++;
        unsigned long cp = 0;
        size_t d0 = i;
        while (i < n && i < 12 && s[i] != ';') {
            int v = dl_isdigit((unsigned char)s[i]) ? s[i] - '0'
                    : base == 16 && dl_isalpha((unsigned char)s[i]) ? (dl_lower((unsigned char)s[i]) - 'a' + 10) : 99;
            if (v >= base) return 0;
            cp = cp * (unsigned long)base + (unsigned long)v;
            i++;
        }
        if (i >= n || s[i] != ';' || i == d0 || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        char u[4];
        size_t ul;
        if (cp < 0x80) u[0] = (char)cp, ul = 1;
        else if (cp < 0x800) u[0] = (char)(0xC0 | (cp >> 6)), u[1] = (char)(0x80 | (cp & 0x3F)), ul = 2;
        else if (cp < 0x10000)
            u[0] = (char)(0xE0 | (cp >> 12)), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[2] = (char)(0x80 | (cp & 0x3F)),
            ul = 3;
        else
            u[0] = (char)(0xF0 | (cp >> 18)), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
            u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), ul = 4;
        dl_buf_append(b, u, ul);
        return i + 1;
    }
    return 0;
}

/* The value="..." attribute of the tag starting at s (up to '>'). */
static bool attr_value(const char *s, const char *end, const char *name, char *out, size_t cap) {
    size_t nl = strlen(name);
    for (const char *p = s; p + nl + 2 < end && *p != '>'; p++) {
        if ((p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n') && memcmp(p, name, nl) == 0 && p[nl] == '=' &&
            (p[nl + 1] == '"' || p[nl + 1] == '\'')) {
            char q = p[nl + 1];
            const char *v = p + nl + 2, *e = v;
            while (e < end && *e != q) e++;
            if (e >= end) return false;
            snprintf(out, cap, "%.*s", (int)(e - v), v);
            return true;
        }
    }
    return false;
}

dl_status dl_timeml_read(const char *xml, size_t len, const char *name, dl_timeml_doc *out, dl_error *err) {
    memset(out, 0, sizeof *out);
    out->dct = DL_DAY_NONE;
    size_t bad;
    const char *why;
    if (!dl_utf8_check(xml, len, &bad, &why))
        return dl_error_set(err, DL_ERR_INPUT, name, line_of(xml, bad), (long)bad, "%s", why);
    const char *end = xml + len;
    /* <DCT> ... <TIMEX3 ... value="..."> */
    const char *dct = find(xml, len, 0, "<DCT>");
    if (dct) {
        const char *t = find(xml, len, (size_t)(dct - xml), "<TIMEX3");
        const char *close = find(xml, len, (size_t)(dct - xml), "</DCT>");
        char v[64];
        if (t && (!close || t < close) && attr_value(t + 7, end, "value", v, sizeof v)) {
            snprintf(out->dct_value, sizeof out->dct_value, "%s", v);
            out->dct = dl_day_parse(v);
            if (out->dct == DL_DAY_NONE)
                return dl_error_set(err, DL_ERR_INPUT, name, line_of(xml, (size_t)(t - xml)), (long)(t - xml),
                                    "the DCT value '%s' is not a date", v);
        }
    }
    const char *docid = find(xml, len, 0, "<DOCID>");
    if (docid) {
        const char *e = find(xml, len, (size_t)(docid - xml), "</DOCID>");
        if (e) out->docid = dl_strndup(docid + 7, (size_t)(e - docid - 7));
    }
    const char *text = find(xml, len, 0, "<TEXT");
    while (text && (text + 5 >= end || (text[5] != '>' && text[5] != ' ')))
        text = find(xml, len, (size_t)(text - xml) + 5, "<TEXT");
    if (!text) {
        dl_timeml_doc_clear(out);
        return dl_error_set(err, DL_ERR_INPUT, name, -1, -1, "no <TEXT> element: not a TimeML document");
    }
    const char *body = memchr(text, '>', (size_t)(end - text));
    const char *stop = body ? find(xml, len, (size_t)(body - xml), "</TEXT>") : NULL;
    if (!body || !stop) {
        dl_timeml_doc_clear(out);
        return dl_error_set(err, DL_ERR_INPUT, name, line_of(xml, (size_t)(text - xml)), (long)(text - xml),
                            "<TEXT> is not closed");
    }
    body++;
    dl_buf b = {0};
    dl_buf_reserve(&b, (size_t)(stop - body) + 1);
    for (const char *p = body; p < stop;) {
        if (*p == '<') {
            const char *gt = memchr(p, '>', (size_t)(stop - p));
            if (!gt) {
                dl_buf_free(&b);
                dl_timeml_doc_clear(out);
                return dl_error_set(err, DL_ERR_INPUT, name, line_of(xml, (size_t)(p - xml)), (long)(p - xml),
                                    "unterminated tag in <TEXT>");
            }
            p = gt + 1;
            continue;
        }
        if (*p == '&') {
            size_t k = entity(p, (size_t)(stop - p), &b);
            if (k) {
                p += k;
                continue;
            }
        }
        dl_buf_putc(&b, *p++);
    }
    if (b.failed) {
        dl_buf_free(&b);
        dl_timeml_doc_clear(out);
        return dl_error_set(err, DL_ERR_NOMEM, name, -1, -1, "out of memory");
    }
    out->text_len = b.len;
    out->text = b.len ? dl_buf_take(&b) : dl_strdup("");
    if (!out->text) {
        dl_timeml_doc_clear(out);
        return dl_error_set(err, DL_ERR_NOMEM, name, -1, -1, "out of memory");
    }
    return DL_OK;
}

static void escape(FILE *fp, const char *s, size_t n, bool attr) {
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;"
                        : attr && s[i] == '"' ? "&quot;" : NULL;
        if (!rep) continue;
        fwrite(s + run, 1, i - run, fp);
        fputs(rep, fp);
        run = i + 1;
    }
    fwrite(s + run, 1, n - run, fp);
}

dl_status dl_timeml_write(FILE *fp, const char *docid, dl_day dct, const char *text, size_t len,
                          const dl_timex_list *tl, dl_error *err) {
    char day[16];
    fputs("<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          "xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n<DOCID>", fp);
    escape(fp, docid ? docid : "", docid ? strlen(docid) : 0, false);
    fputs("</DOCID>\n\n", fp);
    if (dct != DL_DAY_NONE) {
        dl_day_format(dct, day);
        fprintf(fp, "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"%s\" temporalFunction=\"false\" "
                    "functionInDocument=\"CREATION_TIME\">%s</TIMEX3></DCT>\n\n", day, day);
    }
    fputs("<TEXT>", fp);
    size_t at = 0;
    for (size_t k = 0; tl && k < tl->n; k++) {
        const dl_timex *t = &tl->items[k];
        if (t->start < at || t->end > len || t->end <= t->start) continue; /* never nest or overlap */
        escape(fp, text + at, t->start - at, false);
        fprintf(fp, "<TIMEX3 tid=\"t%zu\" type=\"%s\" value=\"", k + 1, dl_timex_type_name(t->type));
        escape(fp, t->value, strlen(t->value), true);
        fputc('"', fp);
        if (t->mod[0]) fprintf(fp, " mod=\"%s\"", t->mod);
        fprintf(fp, " temporalFunction=\"%s\" functionInDocument=\"NONE\">",
                t->anchored_to_dct && t->type != DL_TIMEX_DURATION ? "true" : "false");
        escape(fp, text + t->start, t->end - t->start, false);
        fputs("</TIMEX3>", fp);
        at = t->end;
    }
    escape(fp, text + at, len - at, false);
    fputs("</TEXT>\n\n</TimeML>\n", fp);
    if (ferror(fp)) return dl_error_set(err, DL_ERR_IO, NULL, -1, -1, "write error");
    return DL_OK;
}

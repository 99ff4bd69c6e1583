/* output.c - a layout model to PNG, SVG or PDF bytes, and to files written
 * whole or not at all.
 *
 * The same model always gives the same bytes: the PDF gets fixed creation
 * and modification dates (the model's pdf_date), and the SVG's element ids,
 * which cairo numbers from counters that live as long as the process
 * ("surface12", "clip3"), are renumbered in order of first appearance. */
#include <math.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "../common/util.h"
#include "render_private.h"

#define MAX_PIXELS 32767 /* cairo's limit on an image side */

dl_image_format dl_image_format_parse(const char *name) {
    if (!name) return DL_IMAGE_NONE;
    if (dl_strcasecmp(name, "png") == 0) return DL_IMAGE_PNG;
    if (dl_strcasecmp(name, "svg") == 0) return DL_IMAGE_SVG;
    if (dl_strcasecmp(name, "pdf") == 0) return DL_IMAGE_PDF;
    return DL_IMAGE_NONE;
}

dl_image_format dl_image_format_from_path(const char *path) {
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/')) return DL_IMAGE_NONE;
    return dl_image_format_parse(dot + 1);
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len) {
    dl_buf *b = closure;
    return dl_buf_append(b, data, len) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Renumber SVG ids: every name made of letters then digits (and "-digits")
 * that appears as id="..." gets, per prefix, the number of its first
 * appearance; references (#name, url(#name)) follow. */
typedef struct idmap {
    char (*from)[48];
    char (*to)[48];
    size_t n, cap;
} idmap;

static const char *id_lookup(const idmap *im, const char *name) {
    for (size_t i = 0; i < im->n; i++)
        if (strcmp(im->from[i], name) == 0) return im->to[i];
    return NULL;
}

static bool id_add(idmap *im, const char *name) {
    if (id_lookup(im, name)) return true;
    if (im->n == im->cap) {
        size_t nc = im->cap ? im->cap * 2 : 64;
        char (*f)[48] = realloc(im->from, nc * sizeof *f);
        if (!f) return false;
        im->from = f;
        char (*t)[48] = realloc(im->to, nc * sizeof *t);
        if (!t) return false;
        im->to = t;
        im->cap = nc;
    }
    /* the new number: how many names with this prefix came before */
    size_t plen = strcspn(name, "0123456789");
    size_t k = 0;
    for (size_t i = 0; i < im->n; i++) k += strncmp(im->from[i], name, plen) == 0 && dl_isdigit(im->from[i][plen]);
    snprintf(im->from[im->n], 48, "%s", name);
    snprintf(im->to[im->n], 48, "%.*s%zu", (int)plen, name, k + 1);
    im->n++;
    return true;
}

/* Length of an id-like name at p: letters, digits, '-' ; 0 if longer than 47. */
static size_t name_len(const char *p) {
    size_t n = 0;
    while (dl_isalpha(p[n]) || dl_isdigit(p[n]) || p[n] == '-' || p[n] == '_') n++;
    return n < 48 ? n : 0;
}

static bool renumber_svg(dl_buf *b) {
    idmap im = {0};
    bool ok = true;
    /* pass 1: ids in order of appearance */
    for (const char *p = b->data; ok && (p = strstr(p, " id=\"")); p += 5) {
        size_t n = name_len(p + 5);
        if (!n || p[5 + n] != '"') continue;
        char name[48];
        memcpy(name, p + 5, n);
        name[n] = 0;
        ok = id_add(&im, name);
    }
    /* pass 2: rewrite ids and references */
    dl_buf out = {0};
    const char *p = b->data, *end = b->data + b->len;
    while (ok && p < end) {
        bool is_ref = *p == '#' || (p + 5 <= end && strncmp(p, " id=\"", 5) == 0);
        if (is_ref) {
            size_t skip = *p == '#' ? 1 : 5;
            size_t n = name_len(p + skip);
            char name[48];
            const char *to = NULL;
            if (n) {
                memcpy(name, p + skip, n);
                name[n] = 0;
                to = id_lookup(&im, name);
            }
            if (to) {
                dl_buf_append(&out, p, skip);
                dl_buf_puts(&out, to);
                p += skip + n;
                continue;
            }
        }
        dl_buf_putc(&out, *p++);
    }
    free(im.from);
    free(im.to);
    if (!ok || out.failed) {
        dl_buf_free(&out);
        return false;
    }
    dl_buf_free(b);
    *b = out;
    return true;
}

dl_status dl_render_to_buffer(const dl_render_model *m, dl_image_format fmt, double dpi, unsigned char **data,
                              size_t *len, dl_error *err) {
    *data = NULL;
    *len = 0;
    if (dpi == 0) dpi = 96;
    if (!(dpi >= 10 && dpi <= 2400)) return dl_error_set(err, DL_ERR_USAGE, NULL, -1, -1, "dpi %g is outside 10-2400", dpi);
    dl_buf b = {0};
    cairo_surface_t *s = NULL;
    double scale = 1;
    switch (fmt) {
    case DL_IMAGE_PNG: {
        scale = dpi / 96;
        double pw = ceil(m->width * scale), ph = ceil(m->height * scale);
        if (pw > MAX_PIXELS || ph > MAX_PIXELS)
            return dl_error_set(err, DL_ERR_LIMIT, NULL, -1, -1,
                                "the picture would be %.0f x %.0f pixels, more than cairo draws (%d): lower --dpi, "
                                "narrow the dates or use SVG or PDF",
                                pw, ph, MAX_PIXELS);
        s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)pw, (int)ph);
        break;
    }
    case DL_IMAGE_SVG:
        s = cairo_svg_surface_create_for_stream(to_buf, &b, m->width, m->height);
        cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PX);
        break;
    case DL_IMAGE_PDF:
        scale = 0.75; /* px to pt */
        s = cairo_pdf_surface_create_for_stream(to_buf, &b, m->width * scale, m->height * scale);
        if (m->title) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, m->title);
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "dipline " DL_VERSION);
        if (m->pdf_date) {
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, m->pdf_date);
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, m->pdf_date);
        }
        break;
    default: return dl_error_set(err, DL_ERR_USAGE, NULL, -1, -1, "unknown picture format");
    }
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        dl_status st = dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "cannot create the picture: %s",
                                    cairo_status_to_string(cairo_surface_status(s)));
        cairo_surface_destroy(s);
        dl_buf_free(&b);
        return st;
    }
    cairo_t *cr = cairo_create(s);
    cairo_scale(cr, scale, scale);
    dl_status st = dl_render_draw(m, cr, err);
    cairo_destroy(cr);
    if (st == DL_OK && fmt == DL_IMAGE_PNG) {
        cairo_surface_flush(s);
        if (cairo_surface_write_to_png_stream(s, to_buf, &b) != CAIRO_STATUS_SUCCESS)
            st = dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "cannot encode the PNG");
    }
    cairo_surface_finish(s);
    if (st == DL_OK && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        st = dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "cannot write the picture: %s",
                          cairo_status_to_string(cairo_surface_status(s)));
    cairo_surface_destroy(s);
    if (st == DL_OK && (b.failed || !b.data)) st = dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    if (st == DL_OK && fmt == DL_IMAGE_SVG && !renumber_svg(&b))
        st = dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    if (st != DL_OK) {
        dl_buf_free(&b);
        return st;
    }
    *len = b.len;
    *data = (unsigned char *)dl_buf_take(&b);
    return DL_OK;
}

dl_status dl_render_write(const dl_render_model *m, const char *path, dl_image_format fmt, double dpi, dl_error *err) {
    bool to_stdout = !path || strcmp(path, "-") == 0;
    if (fmt == DL_IMAGE_NONE) fmt = to_stdout ? DL_IMAGE_NONE : dl_image_format_from_path(path);
    if (fmt == DL_IMAGE_NONE)
        return dl_error_set(err, DL_ERR_USAGE, to_stdout ? NULL : path, -1, -1,
                            "cannot tell the picture format: name the file .png, .svg or .pdf");
    unsigned char *data;
    size_t len;
    dl_status st = dl_render_to_buffer(m, fmt, dpi, &data, &len, err);
    if (st != DL_OK) return st;
    dl_atomic_file af;
    st = dl_atomic_open(&af, to_stdout ? "-" : path, err);
    if (st == DL_OK) {
        if (fwrite(data, 1, len, af.fp) != len) {
            int e = errno;
            dl_atomic_abort(&af);
            st = dl_error_set(err, DL_ERR_IO, to_stdout ? "<stdout>" : path, -1, -1, "write error: %s", strerror(e));
        } else {
            st = dl_atomic_commit(&af, err);
        }
    }
    free(data);
    return st;
}

dl_status dl_render_file(const dl_event *events, size_t n, const dl_render_options *opts, const char *path,
                         dl_error *err) {
    dl_image_format fmt = dl_image_format_from_path(path);
    if (fmt == DL_IMAGE_NONE)
        return dl_error_set(err, DL_ERR_USAGE, path, -1, -1, "cannot tell the picture format: name the file .png, .svg or .pdf");
    dl_render_model *m;
    dl_status st = dl_render_layout(events, n, opts, &m, err);
    if (st != DL_OK) return st;
    st = dl_render_write(m, path, fmt, opts ? opts->dpi : 0, err);
    dl_render_model_free(m);
    return st;
}

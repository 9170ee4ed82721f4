/*
 * trackml_event.h — a small reader for TrackML event files (plain or gzip-compressed CSV), enough
 * for the example: the hits (hit_id, x, y, z, volume_id, layer_id, module_id) and, optionally,
 * their cells (hit_id, ch0, ch1, value). Columns are found by name; every field is checked.
 */
#ifndef TRACKML_EVENT_H
#define TRACKML_EVENT_H

#include <stddef.h>
#include <stdint.h>

/* The hits of one event, as parallel arrays of `count` rows in file order. */
typedef struct {
    size_t count;
    int64_t *hit_id;
    float *x, *y, *z;
    uint64_t *geometry_id; /* weft_geometry_id(volume_id, layer_id, module_id) */
} trackml_hits;

/* The cells of one event: the hit row (index into trackml_hits) each cell belongs to. */
typedef struct {
    size_t count;
    int32_t *hit_index;
    int32_t *channel0, *channel1;
    float *value;
} trackml_cells;

/* Reads PREFIX-hits.csv.gz, or PREFIX-hits.csv when there is no .gz file. Returns 0, or -1 after
 * printing "file:line: message" to stderr. */
int trackml_read_hits(const char *prefix, trackml_hits *hits);

/* Reads PREFIX-cells.csv[.gz] and maps each cell's hit_id to its row in `hits`. Returns 0, 1 when
 * the event has no cells file, or -1 after printing an error. */
int trackml_read_cells(const char *prefix, const trackml_hits *hits, trackml_cells *cells);

/* The event number of a prefix ("dir/event000001000" → 1000), or -1 when the name does not end
 * in "event" followed by digits. */
int64_t trackml_event_id(const char *prefix);

void trackml_hits_free(trackml_hits *hits);
void trackml_cells_free(trackml_cells *cells);

#endif /* TRACKML_EVENT_H */

/*
 * submission.h — writes a TrackML submission (event_id,hit_id,track_id) for the tracks of one
 * event, with the conventions of Weft's CLI (docs/FORMATS.md): every hit listed once; tracks get
 * labels 1, 2, … in track order with their hits in track order; hits in no track follow in row
 * order with label 0.
 */
#ifndef SUBMISSION_H
#define SUBMISSION_H

#include <stdint.h>

#include <weft.h>

#include "trackml_event.h"

/* Writes the submission to `path` through a temporary file renamed into place, so a failure
 * leaves no partial file. Returns 0, or -1 after printing an error. */
int submission_write(const char *path, int64_t event_id, const trackml_hits *hits, const weft_tracks *tracks);

#endif /* SUBMISSION_H */

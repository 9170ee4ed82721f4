/*
 * weft.h — the C API of Weft, a charged-particle track pattern-recognition engine.
 *
 * Hand-written C99; usable from C++ (every declaration is extern "C").
 *
 * Use:
 *   1. Create one engine (weft_engine_create) per configuration. Creation loads the detector and
 *      prepares the chosen reconstruction method; it is the only expensive set-up step.
 *   2. Call weft_reconstruct once per event, from any number of threads at the same time, with the
 *      same engine: the engine is immutable after creation and every call keeps its own scratch.
 *   3. Read the tracks through the weft_tracks_* accessors, then release them with weft_tracks_free.
 *   4. Release the engine with weft_engine_free after the last call that uses it has returned.
 *
 * Conventions:
 *   - Every function that can fail returns an int status: WEFT_OK (0) on success, one of the
 *     negative WEFT_ERROR_* codes below otherwise. A failing call also stores a message for the
 *     calling thread, read with weft_last_error. Outputs are left NULL / untouched on failure.
 *   - Nothing is thrown or aborted across this boundary: every input is checked before use.
 *   - Every object the library returns is released by its matching *_free function; passing NULL
 *     to a *_free function does nothing. Pointers returned by accessors point into the object they
 *     were read from and stay valid until that object is freed.
 *   - Units: mm for lengths, GeV for momenta, radians for angles, seconds for times.
 *   - Only symbols starting with weft_ are exported by libweft.so.
 *
 * Linking: pkg-config --cflags --libs weft, or in CMake find_package(Weft) and link Weft::weft.
 */
#ifndef WEFT_H
#define WEFT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Version
 * ------------------------------------------------------------------------------------------- */

/** Version of this header; weft_version() gives the version of the library actually loaded. */
#define WEFT_VERSION_MAJOR 0
#define WEFT_VERSION_MINOR 1
#define WEFT_VERSION_PATCH 0
#define WEFT_VERSION_STRING "0.1.0"

/** The version of the loaded library as "MAJOR.MINOR.PATCH" (static storage, never NULL). */
const char *weft_version(void);

/* ---------------------------------------------------------------------------------------------
 * Status codes
 * ------------------------------------------------------------------------------------------- */

/** Success. */
#define WEFT_OK 0
/** A pointer argument that must not be NULL is NULL (the message names the argument), or an input
 *  the method needs was not passed (the cells, for a GNN model with cell features). */
#define WEFT_ERROR_NULL_ARGUMENT (-1)
/** The configuration JSON is malformed, names an unknown field, holds a value outside its range,
 *  names a detector, cut set, module map or model that cannot be loaded, or (at reconstruction) the
 *  engine's GNN model does not fit the graph built for the event. */
#define WEFT_ERROR_BAD_CONFIG (-2)
/** A hit's geometry id is not a module of the engine's detector (the message names the hit row). */
#define WEFT_ERROR_UNKNOWN_GEOMETRY_ID (-3)
/** A hit coordinate or a cell value is NaN or infinite (the message names the row and field). */
#define WEFT_ERROR_NON_FINITE (-4)
/** The library could not allocate its result arrays or texts. (Allocation failures inside the Swift
 *  runtime during a reconstruction end the process, as they do in any program that does not
 *  handle them; frameworks that cap memory should leave room for one event's working set.) */
#define WEFT_ERROR_OUT_OF_MEMORY (-5)
/** An unexpected failure inside the library (a bug: please report the message). */
#define WEFT_ERROR_INTERNAL (-6)
/** An index or count is outside its allowed range: a track index not below weft_tracks_count,
 *  more than INT32_MAX hits or cells, or a cell whose hit_index is not a row of the hit input. */
#define WEFT_ERROR_OUT_OF_RANGE (-7)
/** The reconstruction method does not produce the requested optional output (track parameters and
 *  chi2 come from the CKF's fit; the GNN path fits no tracks). */
#define WEFT_ERROR_NOT_AVAILABLE (-8)
/** A hit with a finite position on a known module lies too far from that module's surface to be a
 *  measurement on it (the message names the hit row and the distance). */
#define WEFT_ERROR_HIT_OFF_MODULE (-9)

/** The symbolic name of a status code ("WEFT_OK", "WEFT_ERROR_NULL_ARGUMENT", …; "unknown status"
 *  for any other value). Static storage, never NULL. */
const char *weft_status_name(int status);

/** The message of the most recent failed call made by the calling thread ("" when none has
 *  failed). Successful calls leave it unchanged, like errno. The text stays valid until the next
 *  failing weft_ call on the same thread; copy it to keep it longer. Never NULL. */
const char *weft_last_error(void);

/* ---------------------------------------------------------------------------------------------
 * Geometry identifiers
 * ------------------------------------------------------------------------------------------- */

/** Packs a TrackML (volume_id, layer_id, module_id) triple into a 64-bit geometry id, in the ACTS
 *  GeometryIdentifier bit layout (volume bits 56–63, layer bits 36–47, sensitive bits 8–27).
 *  Fields must lie in volume 0…255, layer 0…4095, module 0…1048575: otherwise the result is 0
 *  (which is never a module id) and weft_last_error says which field is out of range. */
uint64_t weft_geometry_id(int32_t volume_id, int32_t layer_id, int32_t module_id);

/* ---------------------------------------------------------------------------------------------
 * Engine
 * ------------------------------------------------------------------------------------------- */

/** A configured reconstruction engine: immutable after creation; share one across threads. */
typedef struct weft_engine weft_engine;

/** Creates an engine from a JSON object (NULL: all defaults). Fields, all optional; unknown fields
 *  are an error:
 *    "detector": embedded detector name ("trackml", "itk-like", "telescope") or the path of a
 *                detector description (directory or .json) or of a TrackML detectors.csv[.gz];
 *                default "trackml" (the real TrackML geometry, generated; no file is read).
 *    "method":   "ckf" (triplet seeding, combinatorial Kalman filter, ambiguity resolution) or
 *                "gnn" (module-map hit graph, Interaction Network edge scores, track building);
 *                default "ckf".
 *    "threads":  worker threads each weft_reconstruct call of the CKF may use, 1…256, or 0 for one
 *                per available core; default 1 (frameworks usually parallelise over events). The
 *                GNN's stages run on TBB's process-wide pool, which the host controls as for any
 *                TBB user (tbb::global_control): libweft uses the system libtbb.
 *    "ckf":      {"seeding": {...}, "finding": {...}}, the layouts of Seeds/<detector>/seeding.json
 *                and Seeds/<detector>/ckf.json (Seeds/README.md); a part not given is the
 *                detector's cut set, as the weft CLI uses it. Only "trackml" has built-in
 *                defaults for an absent file; for any other detector an absent file is an error
 *                that names it.
 *    "gnn":      {"module_map": PATH, "model": PATH, "score_cut": 0…1, "min_hits": N, "min_pt": GeV,
 *                "low_pt_pass": true|false, "low_pt_module_map": PATH, "low_pt_model": PATH,
 *                "rescoring": true|false}; the files default to Seeds/<detector>/module-map.h5,
 *                Scoring/<detector>/model.h5, Seeds/<detector>/module-map-lowpt.h5 and
 *                Scoring/<detector>/model-lowpt.h5. The low-pT pass (a second graph over the hits
 *                the first pass leaves) runs when "low_pt_pass" is true (default false; its files
 *                must then exist). "rescoring" false scores each graph once, without the models'
 *                pruning and leftover rounds (default true: as the model files say).
 *  Default files (Seeds/, Scoring/) are looked up in the working directory, then in the source tree
 *  the library was built from; an installed library's host should name its files.
 *  weft_engine_config returns the complete effective configuration (what the defaults resolved to).
 *  On success *engine receives the engine (release it with weft_engine_free); on failure *engine
 *  is set to NULL (when engine itself is not NULL).
 *  Returns WEFT_OK, WEFT_ERROR_NULL_ARGUMENT (engine is NULL), WEFT_ERROR_BAD_CONFIG,
 *  WEFT_ERROR_OUT_OF_MEMORY or WEFT_ERROR_INTERNAL. */
int weft_engine_create(const char *config_json, weft_engine **engine);

/** Releases an engine. Every call using it must have returned; tracks it produced stay valid. */
void weft_engine_free(weft_engine *engine);

/** The engine's complete effective configuration as a JSON object (defaults filled in, "threads"
 *  resolved), for provenance records. Owned by the engine. NULL (and a message) when engine is
 *  NULL. */
const char *weft_engine_config(const weft_engine *engine);

/* ---------------------------------------------------------------------------------------------
 * Reconstruction
 * ------------------------------------------------------------------------------------------- */

/** The hits of one event as parallel arrays of `count` rows: global position in mm and the
 *  geometry id of the module each hit lies on (see weft_geometry_id). Row numbers are the hit
 *  indices the tracks refer to. When count is 0 the pointers may be NULL. */
typedef struct { size_t count; const float *x, *y, *z; const uint64_t *geometry_id; } weft_hit_input;

/** Optional read-out cells of the hits, as parallel arrays of `count` rows: the hit row each cell
 *  belongs to, its channel numbers along the module's local u and v axes, and its deposited charge
 *  (TrackML cells: hit_id → hit row, ch0, ch1, value). When count is 0 the pointers may be NULL. */
typedef struct {
    size_t count;
    const int32_t *hit_index;
    const int32_t *channel0, *channel1;
    const float *value;
} weft_cell_input;

/** Reconstructed track candidates of one event; immutable, so any number of threads may read one
 *  concurrently. */
typedef struct weft_tracks weft_tracks;

/** Reconstructs the tracks of one event. Thread-safe: many threads may call it at once with the
 *  same engine. The input arrays are only read during the call. Results are identical whatever
 *  the engine's thread count and whatever other threads do. An event without hits gives no tracks.
 *  Every hit is checked before any stage runs (finite position, a module of the engine's
 *  detector; the CKF also refuses a hit more than a few mm off its module's surface).
 *  On success *tracks receives the result (release it with weft_tracks_free); on failure *tracks
 *  is set to NULL (when tracks itself is not NULL).
 *  Returns WEFT_OK, WEFT_ERROR_NULL_ARGUMENT, WEFT_ERROR_UNKNOWN_GEOMETRY_ID,
 *  WEFT_ERROR_NON_FINITE, WEFT_ERROR_HIT_OFF_MODULE, WEFT_ERROR_OUT_OF_RANGE,
 *  WEFT_ERROR_BAD_CONFIG (a GNN model that does not fit the event's graph),
 *  WEFT_ERROR_OUT_OF_MEMORY or WEFT_ERROR_INTERNAL. */
int weft_reconstruct(const weft_engine *engine, const weft_hit_input *hits, weft_tracks **tracks);

/** weft_reconstruct with the hits' read-out cells (cells may be NULL: same as weft_reconstruct).
 *  The CKF checks the cells and otherwise ignores them; a GNN model with cell features needs them
 *  (without them both functions return WEFT_ERROR_NULL_ARGUMENT). */
int weft_reconstruct_with_cells(const weft_engine *engine, const weft_hit_input *hits,
                                const weft_cell_input *cells, weft_tracks **tracks);

/* ---------------------------------------------------------------------------------------------
 * Tracks
 * ------------------------------------------------------------------------------------------- */

/** The number of tracks (0 when tracks is NULL). */
size_t weft_tracks_count(const weft_tracks *tracks);

/** The hits of track `track` (0 ≤ track < weft_tracks_count): *hit_indices receives a pointer to
 *  *count rows of the hit input, in the order the method gives them (CKF: from the innermost hit
 *  outwards). A hit belongs to at most one track.
 *  Returns WEFT_OK, WEFT_ERROR_NULL_ARGUMENT or WEFT_ERROR_OUT_OF_RANGE. */
int weft_tracks_hits(const weft_tracks *tracks, size_t track,
                     const int32_t **hit_indices, size_t *count);

/** All tracks at once in compressed-row form: track t owns
 *  (*hit_indices)[(*offsets)[t] … (*offsets)[t + 1] − 1]; *offsets has weft_tracks_count + 1
 *  entries starting at 0, and *total receives the number of hit indices ((*offsets)[count]).
 *  Returns WEFT_OK or WEFT_ERROR_NULL_ARGUMENT. */
int weft_tracks_arrays(const weft_tracks *tracks, const int32_t **hit_indices,
                       const int32_t **offsets, size_t *total);

/** Perigee parameters of a fitted track (ACTS convention, at the beam line): transverse and
 *  longitudinal impact parameters in mm, azimuth and polar angle in radians, charge over momentum
 *  in e/GeV. */
typedef struct { float d0, z0, phi, theta, q_over_p; } weft_track_parameters;

/** The fitted parameters of track `track` into *parameters.
 *  Returns WEFT_OK, WEFT_ERROR_NULL_ARGUMENT, WEFT_ERROR_NOT_AVAILABLE when the method fits no
 *  parameters (the GNN path; checked before the index, so it can be asked of an empty result), or
 *  WEFT_ERROR_OUT_OF_RANGE. */
int weft_tracks_parameters(const weft_tracks *tracks, size_t track,
                           weft_track_parameters *parameters);

/** The fit chi2 of track `track` into *chi2.
 *  Returns WEFT_OK, WEFT_ERROR_NULL_ARGUMENT, WEFT_ERROR_NOT_AVAILABLE when the method fits no
 *  tracks (checked before the index), or WEFT_ERROR_OUT_OF_RANGE. */
int weft_tracks_chi2(const weft_tracks *tracks, size_t track, float *chi2);

/** The number of timed stages of the reconstruction that produced these tracks (0 when tracks is
 *  NULL). Stages are listed in execution order: "c api input" (copying the input arrays),
 *  "input check", the method's stages (CKF: "measurements", "seeding pass 1", "ckf pass 1", …,
 *  "ambiguity"; GNN: "graph construction", "edge scoring", "track building") and "c api output"
 *  (copying the tracks into this object). */
size_t weft_tracks_stage_count(const weft_tracks *tracks);

/** The name (owned by tracks) and wall time in seconds of stage `stage`
 *  (0 ≤ stage < weft_tracks_stage_count). Returns WEFT_OK, WEFT_ERROR_NULL_ARGUMENT or
 *  WEFT_ERROR_OUT_OF_RANGE. */
int weft_tracks_stage(const weft_tracks *tracks, size_t stage, const char **name, double *seconds);

/** Releases tracks; the pointers read from them become invalid. */
void weft_tracks_free(weft_tracks *tracks);

#ifdef __cplusplus
}
#endif

#endif /* WEFT_H */

/*
 * Analytic helix in a uniform magnetic field B = (0, 0, bz) and its intersections with surfaces.
 *
 * A track state is a position (mm), a momentum (GeV) and a charge (units of e). Its trajectory,
 * parametrised by the 3D path length s (mm), is the helix
 *     dr/ds = t,   dt/ds = h * t x z_hat,   h = charge * 0.299792458e-3 * bz / |p|   (1/mm),
 * i.e. a circle of radius R = pT / (0.299792458e-3 * |charge * bz|) in the transverse plane
 * (pT in GeV, R in mm) and uniform motion along z. A positive charge in a positive bz turns
 * clockwise seen from +z. bz = 0 or charge = 0 gives a straight line; both regimes use the same
 * numerically stable formulas (no division by the curvature).
 *
 * Intersections return the first crossing with s in (s_min, s_max]: negative s means backwards
 * along the track. To leave a surface the state already lies on, pass a small positive s_min
 * (e.g. 1e-6 mm) so that the start point is not reported. Several crossings (loopers) are found in
 * order: the search splits [s_min, s_max] at the analytically known turning points of the distance
 * to the surface, so that it is monotonic on every piece, and solves each bracketing piece with
 * safeguarded Newton iteration to ~1e-12 relative precision. A grazing touch without a sign change
 * is not reported. The cost grows with the number of turns in the window.
 *
 * Outputs: out_pos (3 doubles, mm), out_dir (3 doubles, unit momentum direction; the momentum
 * magnitude is unchanged along a helix) and out_s (path length, mm). All three are required.
 * Return codes: WEFT_SHIM_OK, WEFT_SHIM_ERR_NO_INTERSECTION, WEFT_SHIM_ERR_NULL_POINTER,
 * WEFT_SHIM_ERR_INVALID_ARGUMENT (non-finite input, zero momentum, zero normal or radius <= 0,
 * s_max <= s_min or non-finite window), WEFT_SHIM_ERR_INTERNAL.
 * All functions are pure and thread-safe.
 */
#ifndef WEFT_SHIM_HELIX_H
#define WEFT_SHIM_HELIX_H

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Moves a state along its helix by the path length s (mm, may be negative).
 *
 * @param pos      start position, 3 doubles, mm.
 * @param mom      start momentum, 3 doubles, GeV (non-zero).
 * @param charge   charge, e.
 * @param bz       field along z, Tesla.
 * @param s        path length, mm.
 * @param out_pos  position after s, 3 doubles, mm.
 * @param out_dir  unit direction after s, 3 doubles.
 */
int weft_shim_helix_advance(const double pos[3], const double mom[3], double charge, double bz,
                            double s, double out_pos[3], double out_dir[3]);

/**
 * First crossing of the helix with the plane through plane_point with normal plane_normal.
 *
 * pos, mom, charge, bz: the track state and field as in weft_shim_helix_advance.
 * @param plane_point   any point of the plane, 3 doubles, mm.
 * @param plane_normal  plane normal, 3 doubles, any non-zero length (it is normalised).
 * s_min, s_max: path-length window (mm), s_min < s_max, both finite.
 */
int weft_shim_helix_plane(const double pos[3], const double mom[3], double charge, double bz,
                          const double plane_point[3], const double plane_normal[3],
                          double s_min, double s_max,
                          double out_pos[3], double out_dir[3], double *out_s);

/**
 * First crossing of the helix with the plane z = z_plane (mm); the same as weft_shim_helix_plane
 * with point (0, 0, z_plane) and normal (0, 0, 1).
 */
int weft_shim_helix_zplane(const double pos[3], const double mom[3], double charge, double bz,
                           double z_plane, double s_min, double s_max,
                           double out_pos[3], double out_dir[3], double *out_s);

/**
 * First crossing of the helix with the infinite cylinder x^2 + y^2 = radius^2 about the z axis
 * (inwards or outwards).
 *
 * @param radius  cylinder radius, mm, > 0.
 */
int weft_shim_helix_cylinder(const double pos[3], const double mom[3], double charge, double bz,
                             double radius, double s_min, double s_max,
                             double out_pos[3], double out_dir[3], double *out_s);

#ifdef __cplusplus
}
#endif

#endif

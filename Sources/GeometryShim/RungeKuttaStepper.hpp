// Internal: the adaptive RKN4 propagator behind WeftShimRungeKutta.h and WeftShimBound.h.
#pragma once

#include "Surfaces.hpp"
#include "WeftShimRungeKutta.h"

#include <eigen3/Eigen/Core>
#include <eigen3/Eigen/Geometry>

namespace weft_shim {

// The free state vector is (r[3], t[3], q/p): 7 components.
using FreeMatrix = Eigen::Matrix<double, 7, 7>;
using FreeFromBound = Eigen::Matrix<double, 7, 5>;

struct FieldSource {
    weft_shim_field_fn function;
    void *context;

    // Field at r in Tesla; WEFT_SHIM_ERR_BAD_FIELD if any component is not finite.
    int at(const Eigen::Vector3d &r, Eigen::Vector3d &b) const;
};

struct RkState {
    Eigen::Vector3d r;                  // position, mm
    Eigen::Vector3d t;                  // unit direction
    double s = 0;                       // path length travelled, mm
    Eigen::Vector3d b;                  // field at r, Tesla
    FreeFromBound jacobian;             // d(free state)/d(initial bound parameters), if tracked
};

// Checks the caller's options (NULL selects the defaults) and copies them to `out`.
bool resolveOptions(const weft_shim_rk_options *options, weft_shim_rk_options &out);

class RkPropagator {
  public:
    // qop: q/p in e/GeV. With trackJacobian, every accepted step also transports state.jacobian.
    RkPropagator(FieldSource field, const weft_shim_rk_options &options, double qop,
                 bool trackJacobian);

    // Evaluates the field at the start position; call once before propagating a new state.
    int start(RkState &state) const;

    // Moves the state by `length` mm (negative: backwards).
    int advance(RkState &state, double length);

    // Moves the state to its first crossing of `surface` with path length in (sMin, sMax],
    // 0 <= sMin < sMax.
    int toSurface(RkState &state, const Surface &surface, double sMin, double sMax);

    // dt/ds at the state: (q/p) k t x B, 1/mm.
    Eigen::Vector3d bending(const RkState &state) const;

  private:
    struct Trial {
        Eigen::Vector3d r, t;           // end of the step
        Eigen::Vector3d t2, t3, t4;     // directions of stages 2-4
        Eigen::Vector3d k1, k2, k3, k4; // stage curvatures dt/ds, 1/mm
        Eigen::Vector3d b2, b3;         // field at the middle and end of the step
        double error;                   // local error estimate, mm
    };

    int trial(const RkState &state, double h, Trial &out) const;
    int accept(RkState &state, const Trial &trial, double h) const;
    FreeMatrix stepJacobian(const RkState &state, const Trial &trial, double h) const;
    int step(RkState &state, double hLimit, double &hTaken, bool &reachedLimit);
    int solveInStep(RkState &state, const RkState &start, const Surface &surface, double dStart,
                    double hTaken, double dEnd);

    FieldSource field_;
    weft_shim_rk_options options_;
    double qop_;
    bool trackJacobian_;
    double hNext_;
    int stepsLeft_;
};

}  // namespace weft_shim

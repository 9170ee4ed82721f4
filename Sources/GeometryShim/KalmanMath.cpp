// Kalman-filter algebra on 5-parameter states: covariance transport, measurement chi-square,
// gain-matrix update (Joseph form) and the Rauch–Tung–Striebel smoother step.
#include "WeftShimKalman.h"

#include "Support.hpp"

#include <eigen3/Eigen/Cholesky>
#include <eigen3/Eigen/Core>

namespace {

using weft_shim::allFinite;
using weft_shim::anyNull;
using weft_shim::guarded;

using Vector5 = Eigen::Matrix<double, 5, 1>;
using Matrix5 = Eigen::Matrix<double, 5, 5, Eigen::RowMajor>;
template <int D>
using MeasVector = Eigen::Matrix<double, D, 1>;
template <int D>
using MeasMatrix = Eigen::Matrix<double, D, D, Eigen::RowMajor>;
template <int D>
using Projector = Eigen::Matrix<double, D, 5, Eigen::RowMajor>;

Matrix5 symmetric(const Matrix5 &m) { return 0.5 * (m + m.transpose()); }

void store(const Vector5 &x, double *out) { Eigen::Map<Vector5>(out, 5) = x; }
void store(const Matrix5 &m, double *out) { Eigen::Map<Matrix5>(out, 5, 5) = m; }

// The measurement model shared by the chi-square and the update: residual r = m - H x and its
// covariance S = V + H C H^T, with S factorised by Cholesky (it must be positive definite).
template <int D>
struct Innovation {
    MeasVector<D> residual;
    MeasMatrix<D> covariance;
    Eigen::LLT<MeasMatrix<D>> cholesky;

    Innovation(const Vector5 &x, const Matrix5 &c, const double *meas, const double *measCov,
               const Projector<D> &h)
        : residual(Eigen::Map<const MeasVector<D>>(meas) - h * x),
          covariance(Eigen::Map<const MeasMatrix<D>>(measCov) + h * c * h.transpose()) {
        covariance = 0.5 * (covariance + covariance.transpose()).eval();
        cholesky.compute(covariance);
    }

    bool valid() const { return cholesky.info() == Eigen::Success; }

    double chi2() const { return residual.dot(cholesky.solve(residual)); }
};

bool validMeasurement(int dim, const double *x, const double *cov, const double *meas,
                      const double *measCov, const double *proj) {
    return (dim == 1 || dim == 2) && allFinite(x, 5) && allFinite(cov, 25) &&
           allFinite(meas, dim) && allFinite(measCov, dim * dim) && allFinite(proj, dim * 5);
}

template <int D>
int chi2Only(const double *x, const double *cov, const double *meas, const double *measCov,
             const double *proj, double *outChi2) {
    const Innovation<D> innovation(Eigen::Map<const Vector5>(x), Eigen::Map<const Matrix5>(cov),
                                   meas, measCov, Eigen::Map<const Projector<D>>(proj));
    if (!innovation.valid()) return WEFT_SHIM_ERR_SINGULAR;
    *outChi2 = innovation.chi2();
    return WEFT_SHIM_OK;
}

template <int D>
int update(const double *xIn, const double *covIn, const double *meas, const double *measCov,
           const double *proj, double *outX, double *outCov, double *outChi2) {
    const Vector5 x = Eigen::Map<const Vector5>(xIn);
    const Matrix5 c = Eigen::Map<const Matrix5>(covIn);
    const Projector<D> h = Eigen::Map<const Projector<D>>(proj);
    const MeasMatrix<D> v = Eigen::Map<const MeasMatrix<D>>(measCov);
    const Innovation<D> innovation(x, c, meas, measCov, h);
    if (!innovation.valid()) return WEFT_SHIM_ERR_SINGULAR;
    // K = C H^T S^-1 = (S^-1 H C)^T, S and C being symmetric.
    const Eigen::Matrix<double, 5, D> gain = innovation.cholesky.solve(h * c).transpose();
    const Matrix5 reduction = Matrix5::Identity() - gain * h;
    // Joseph form: a sum of two positive semi-definite terms, so rounding cannot make the
    // filtered covariance indefinite as C - K H C can for precise measurements.
    const Matrix5 filteredCov =
        symmetric(reduction * c * reduction.transpose() + gain * v * gain.transpose());
    const Vector5 filtered = x + gain * innovation.residual;
    const double chi2 = innovation.chi2();
    store(filtered, outX);
    store(filteredCov, outCov);
    if (outChi2) *outChi2 = chi2;
    return WEFT_SHIM_OK;
}

}  // namespace

extern "C" int weft_shim_cov_transport(const double jacobian[25], const double cov[25],
                                       const double *noise, double out_cov[25]) {
    if (anyNull(jacobian, cov, out_cov)) return WEFT_SHIM_ERR_NULL_POINTER;
    if (!allFinite(jacobian, 25) || !allFinite(cov, 25) || (noise && !allFinite(noise, 25))) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    return guarded([&] {
        const Eigen::Map<const Matrix5> j(jacobian);
        Matrix5 result = j * Eigen::Map<const Matrix5>(cov) * j.transpose();
        if (noise) result += Eigen::Map<const Matrix5>(noise);
        store(symmetric(result), out_cov);
        return WEFT_SHIM_OK;
    });
}

extern "C" int weft_shim_kalman_chi2(int dim, const double x[5], const double cov[25],
                                     const double *meas, const double *meas_cov,
                                     const double *proj, double *out_chi2) {
    if (anyNull(x, cov, meas, meas_cov, proj, out_chi2)) return WEFT_SHIM_ERR_NULL_POINTER;
    if (!validMeasurement(dim, x, cov, meas, meas_cov, proj)) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    return guarded([&] {
        return dim == 1 ? chi2Only<1>(x, cov, meas, meas_cov, proj, out_chi2)
                        : chi2Only<2>(x, cov, meas, meas_cov, proj, out_chi2);
    });
}

extern "C" int weft_shim_kalman_update(int dim, const double x[5], const double cov[25],
                                       const double *meas, const double *meas_cov,
                                       const double *proj, double out_x[5], double out_cov[25],
                                       double *out_chi2) {
    if (anyNull(x, cov, meas, meas_cov, proj, out_x, out_cov)) return WEFT_SHIM_ERR_NULL_POINTER;
    if (!validMeasurement(dim, x, cov, meas, meas_cov, proj)) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    return guarded([&] {
        return dim == 1 ? update<1>(x, cov, meas, meas_cov, proj, out_x, out_cov, out_chi2)
                        : update<2>(x, cov, meas, meas_cov, proj, out_x, out_cov, out_chi2);
    });
}

extern "C" int weft_shim_rts_smooth(const double x_filt[5], const double cov_filt[25],
                                    const double jacobian[25], const double x_pred_next[5],
                                    const double cov_pred_next[25],
                                    const double x_smooth_next[5],
                                    const double cov_smooth_next[25], double out_x[5],
                                    double out_cov[25]) {
    if (anyNull(x_filt, cov_filt, jacobian, x_pred_next, cov_pred_next, x_smooth_next,
                cov_smooth_next, out_x, out_cov)) {
        return WEFT_SHIM_ERR_NULL_POINTER;
    }
    if (!allFinite(x_filt, 5) || !allFinite(cov_filt, 25) || !allFinite(jacobian, 25) ||
        !allFinite(x_pred_next, 5) || !allFinite(cov_pred_next, 25) ||
        !allFinite(x_smooth_next, 5) || !allFinite(cov_smooth_next, 25)) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    return guarded([&] {
        const Matrix5 cf = Eigen::Map<const Matrix5>(cov_filt);
        const Matrix5 cp = symmetric(Eigen::Map<const Matrix5>(cov_pred_next));
        const Eigen::LLT<Matrix5> cholesky(cp);
        if (cholesky.info() != Eigen::Success) return WEFT_SHIM_ERR_SINGULAR;
        // Smoother gain A = C_f J^T C_p^-1 = (C_p^-1 J C_f)^T.
        const Matrix5 gain =
            cholesky.solve(Eigen::Map<const Matrix5>(jacobian) * cf).transpose();
        const Vector5 x = Eigen::Map<const Vector5>(x_filt) +
                          gain * (Eigen::Map<const Vector5>(x_smooth_next) -
                                  Eigen::Map<const Vector5>(x_pred_next));
        const Matrix5 c =
            cf + gain * (Eigen::Map<const Matrix5>(cov_smooth_next) - cp) * gain.transpose();
        store(x, out_x);
        store(symmetric(c), out_cov);
        return WEFT_SHIM_OK;
    });
}

// Row-wise tails of neural-network layers: bias plus activation, and layer normalisation.
#include "WeftShimGemm.h"

#include "ParallelRange.hpp"
#include "Support.hpp"

#include <algorithm>
#include <cmath>

namespace {

using weft_shim::forEachChunk;
using weft_shim::guarded;

// Rows are independent; go parallel from ~64k elements, in chunks of ~16k elements.
template <class RowBody>
void forEachRow(std::size_t rows, std::size_t cols, RowBody &&body) {
    const std::size_t rowsPerChunk = std::max<std::size_t>(1, 16384 / std::max<std::size_t>(1, cols));
    const std::size_t threshold = std::max<std::size_t>(1, 65536 / std::max<std::size_t>(1, cols));
    forEachChunk(rows, threshold, rowsPerChunk, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) body(i);
    });
}

template <class Activation>
void applyRows(std::size_t rows, std::size_t cols, float *x, std::size_t ldx, const float *bias,
               Activation activation) {
    forEachRow(rows, cols, [&](std::size_t i) {
        float *row = x + i * ldx;
        for (std::size_t j = 0; j < cols; ++j) {
            row[j] = activation(bias ? row[j] + bias[j] : row[j]);
        }
    });
}

}  // namespace

extern "C" int weft_shim_bias_activation(size_t rows, size_t cols, float *x, size_t ldx,
                                         const float *bias, int activation) {
    if (activation < WEFT_SHIM_ACTIVATION_IDENTITY || activation > WEFT_SHIM_ACTIVATION_SIGMOID) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    if (rows == 0 || cols == 0) return WEFT_SHIM_OK;
    if (x == nullptr) return WEFT_SHIM_ERR_NULL_POINTER;
    if (ldx < cols) return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    return guarded([&] {
        switch (activation) {
            case WEFT_SHIM_ACTIVATION_IDENTITY:
                applyRows(rows, cols, x, ldx, bias, [](float v) { return v; });
                break;
            case WEFT_SHIM_ACTIVATION_RELU:
                applyRows(rows, cols, x, ldx, bias, [](float v) { return v > 0 ? v : 0.0f; });
                break;
            case WEFT_SHIM_ACTIVATION_TANH:
                applyRows(rows, cols, x, ldx, bias, [](float v) { return std::tanh(v); });
                break;
            default:
                // exp(-v) overflows to +inf for very negative v, giving the correct limit 0.
                applyRows(rows, cols, x, ldx, bias,
                          [](float v) { return 1.0f / (1.0f + std::exp(-v)); });
                break;
        }
        return WEFT_SHIM_OK;
    });
}

extern "C" int weft_shim_layer_norm(size_t rows, size_t cols, float *x, size_t ldx,
                                    const float *gamma, const float *beta, float epsilon) {
    if (!(epsilon >= 0) || !std::isfinite(epsilon)) return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    if (rows == 0) return WEFT_SHIM_OK;
    if (cols == 0 || ldx < cols) return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    if (x == nullptr) return WEFT_SHIM_ERR_NULL_POINTER;
    return guarded([&] {
        forEachRow(rows, cols, [&](std::size_t i) {
            float *row = x + i * ldx;
            // Two passes in double: the one-pass E[x^2] - E[x]^2 cancels catastrophically when
            // the mean is large compared with the spread.
            double sum = 0;
            for (std::size_t j = 0; j < cols; ++j) sum += row[j];
            const double mean = sum / double(cols);
            double squares = 0;
            for (std::size_t j = 0; j < cols; ++j) {
                const double d = row[j] - mean;
                squares += d * d;
            }
            const double scale = 1.0 / std::sqrt(squares / double(cols) + double(epsilon));
            for (std::size_t j = 0; j < cols; ++j) {
                double value = (row[j] - mean) * scale;
                if (gamma) value *= gamma[j];
                if (beta) value += beta[j];
                row[j] = float(value);
            }
        });
        return WEFT_SHIM_OK;
    });
}

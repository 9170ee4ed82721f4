// Internal: target surfaces of the Runge–Kutta propagator, described by a signed distance d(r)
// (mm) with its gradient and its second derivative along a direction.
#pragma once

#include <eigen3/Eigen/Core>

#include <cmath>

namespace weft_shim {

struct Surface {
    enum class Kind { plane, cylinder };

    Kind kind;
    Eigen::Vector3d point;   // plane: a point of the plane, mm
    Eigen::Vector3d normal;  // plane: unit normal
    double radius;           // cylinder about the z axis: radius, mm

    static Surface plane(const Eigen::Vector3d &point, const Eigen::Vector3d &normal) {
        return {Kind::plane, point, normal.normalized(), 0};
    }

    static Surface cylinder(double radius) {
        return {Kind::cylinder, Eigen::Vector3d::Zero(), Eigen::Vector3d::UnitZ(), radius};
    }

    // Plane: n·(r - point). Cylinder: rho - R (negative inside).
    double distance(const Eigen::Vector3d &r) const {
        if (kind == Kind::plane) return normal.dot(r - point);
        return std::hypot(r.x(), r.y()) - radius;
    }

    Eigen::Vector3d gradient(const Eigen::Vector3d &r) const {
        if (kind == Kind::plane) return normal;
        const double rho = std::hypot(r.x(), r.y());
        if (rho == 0) return Eigen::Vector3d::Zero();
        return {r.x() / rho, r.y() / rho, 0};
    }

    // t^T (∇∇d) t: zero for a plane; for the cylinder (x t_y - y t_x)^2 / rho^3, the transverse
    // bending of rho along a straight line.
    double curvature(const Eigen::Vector3d &r, const Eigen::Vector3d &t) const {
        if (kind == Kind::plane) return 0;
        const double rho = std::hypot(r.x(), r.y());
        if (rho == 0) return 0;
        const double cross = r.x() * t.y() - r.y() * t.x();
        return cross * cross / (rho * rho * rho);
    }
};

}  // namespace weft_shim

#include "GeometryShim.h"

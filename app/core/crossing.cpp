#include "app/core/crossing.h"

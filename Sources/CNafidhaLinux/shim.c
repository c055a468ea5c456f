#include "CNafidhaLinux.h"

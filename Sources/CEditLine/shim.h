#ifndef HUBSH_CEDITLINE_SHIM_H
#define HUBSH_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>
#endif

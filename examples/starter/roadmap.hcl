# A starter roadmap, written by `roadmap init`. The .hcl files of this
# directory are read together; edit them, then run
#
#   roadmap validate .   # syntax, references, values
#   roadmap plan .       # the ranked roadmap, finances and capacity
#
# docs/language.md (https://github.com/roadmap-as-code/roadmap) describes
# every block and attribute.

# The planning frame: exactly one roadmap block.
roadmap {
  name     = "Our roadmap"
  currency = "EUR"

  # Plan quarter by quarter, eight quarters from the start.
  start   = "2027-Q1"
  period  = "quarter"
  horizon = 8

  # The cost of capital, for NPV: 8% a year.
  discount_rate = 0.08

  # "value" funds the best score first; also "safety" and "calculated_risk".
  strategy = "value"

  # Projects whose combined risk is above this are not taken on.
  risk_appetite = 0.6

  # Capabilities already in place; projects may require them.
  stack = ["sso"]
}

# Inputs that change between runs: --var capex=900000, a *.vars.hcl file,
# or ROADMAP_VAR_capex in the environment.
variable "capex" {
  type        = number
  default     = 600000
  description = "Capital budget per year."

  validation {
    condition     = var.capex > 0
    error_message = "The capital budget must be positive."
  }
}

# Values computed once and reused as local.<name>.
locals {
  fte_year    = 100000
  fte_quarter = local.fte_year / 4
}

# Inputs that change from one scenario to the next. Override them with
# --var name=value, a variable file (--var-file example.vars.hcl) or
# ROADMAP_VAR_name in the environment.

variable "capex" {
  type        = number
  default     = 1500000
  description = "Capital budget for IT change projects, per calendar year, in EUR."

  validation {
    condition     = var.capex > 0
    error_message = "The capex budget must be positive."
  }
}

variable "security_programme" {
  type        = number
  default     = 650000
  description = "Ring-fenced security programme approved by the board for 2027-2028, in EUR."
}

variable "risk_appetite" {
  type        = number
  default     = 0.5
  description = "Largest combined risk score (0..1) the steering committee accepts."

  validation {
    condition     = var.risk_appetite >= 0 && var.risk_appetite <= 1
    error_message = "The risk appetite is a fraction between 0 and 1."
  }
}

variable "apps_hires" {
  type        = number
  default     = 0
  description = "Engineers hired into the apps team for 2027, on top of today's six, in FTE."

  validation {
    condition     = var.apps_hires >= 0
    error_message = "Hires are a number of people, 0 or more."
  }
}

variable "vendor_price_rise" {
  type        = number
  default     = 0
  description = "Rise of every vendor's prices over the bids, as a fraction: 0.15 is 15% dearer."

  validation {
    condition     = var.vendor_price_rise > -1
    error_message = "Prices cannot fall by 100% or more."
  }
}

variable "fte_cost_per_year" {
  type        = map(number)
  description = "Fully loaded cost of one full-time person for a year, per team, in EUR."
  default = {
    platform  = 120000
    apps      = 110000
    workplace = 90000
  }
}

locals {
  # Teams are planned in quarters, so the cost of an FTE is per quarter.
  fte_quarter = { for team, cost in var.fte_cost_per_year : team => cost / 4 }

  # Vendors' bids as offered, times any price rise (scenario
  # vendor_price_rise).
  vendor_price = 1 + var.vendor_price_rise
}

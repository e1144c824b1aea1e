roadmap {
  name  = "Test"
  start = "2027-01"
}

variable "capex" {
  type    = number
  default = 1000

  validation {
    condition     = var.capex > 0
    error_message = "The capex budget must be positive."
  }
}

variable "rate" {
  type    = number
  default = 0.1
}

locals {
  half = var.capex / 2
}

budget "b" {
  amount = var.capex
}

scenario "ok" {
  description = "A cut of a third"
  variables = {
    capex = var.capex * 2 / 3
  }
}

scenario "problems" {
  description = ["a", "list"]
  variables = {
    capx  = 1
    capex = -5
    rate  = "high"
  }
}

scenario "references" {
  variables = {
    capex = local.half
    rate  = var.rte
  }
}

scenario "not_an_object" {
  variables = merge({}, { capex = 1 })
}

scenario "duplicate_key" {
  variables = {
    capex = 1
    capex = 2
  }
}

scenario "base" {
  variables = {}
}

scenario "ok" {
  variables = {}
}

scenario "missing" {
  description = "no variables"
}

roadmap {
  name  = "Test"
  start = "2027-01"
}

variable "capex" {
  type    = number
  default = 1000
}

scenario "budget_cut" {
  variables = {
    capex = 700
  }
}

scenario "two_hires" {
  variables = {}
}

roadmap {
  name    = "Small"
  start   = "2027-Q1"
  horizon = 4
}

variable "cap" {
  type    = number
  default = 2
}

variable "money" {
  type    = number
  default = 1000000
}

goal "g" {
  weight = 1
}

department "d" {}

team "t" {
  capacity     = var.cap
  cost_per_fte = 10000
}

budget "b" {
  amount = var.money
  per    = "total"
}

project "a" {
  goals       = { g = 1 }
  endorsed_by = [department.d]
  duration    = 2
  effort      = { t = 1 }
  cost { one_time = 100000 }
  benefit { per_year = 200000 }
}

project "b" {
  goals       = { g = 0.8 }
  endorsed_by = [department.d]
  duration    = 2
  effort      = { t = 1 }
  cost { one_time = 100000 }
  benefit { per_year = 150000 }
}

project "c" {
  goals       = { g = 0.6 }
  endorsed_by = [department.d]
  duration    = 2
  effort      = { t = 1 }
  cost { one_time = 100000 }
  benefit { per_year = 100000 }
}

scenario "less" {
  variables = { cap = 1 }
}

scenario "more" {
  variables = { cap = 3 }
}

scenario "poor" {
  variables = { money = 150000 }
}

roadmap {
  start  = "2027-01"
  period = "year"
}
goal "growth" {
  weight = 1
}
department "sales" {
  title = "Sales"
}
budget "b" {
  amount = 1.7e308
}
project "p0" {
  goals       = { growth = 1 }
  endorsed_by = [department.sales]
  duration    = 1
  cost {
    one_time = 9e307
  }
}
project "p1" {
  goals       = { growth = 1 }
  endorsed_by = [department.sales]
  duration    = 1
  cost {
    one_time = 9e307
  }
}
project "p2" {
  goals       = { growth = 1 }
  endorsed_by = [department.sales]
  duration    = 1
  cost {
    one_time = 9e307
  }
}

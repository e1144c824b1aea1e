roadmap {
  name  = "Test"
  start = "2027-01"
}

budget "capex" {
  amount = 1
}

department "sales" {}

project "a" {
  duration = 1
}

project "b" {
  duration    = 1
  endorsed_by = [project.a]
  opposed_by  = ["sales"]
  depends_on  = project.a
  funding     = "capex"
  vendor      = department.sales
}

project "c" {
  duration    = 1
  depends_on  = [project.a.b, project["a"]]
  endorsed_by = [departments.sales]
}

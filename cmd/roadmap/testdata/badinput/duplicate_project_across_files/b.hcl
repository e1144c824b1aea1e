project "crm" {
  goals       = { growth = 1 }
  endorsed_by = [department.sales]
  duration    = 2
}

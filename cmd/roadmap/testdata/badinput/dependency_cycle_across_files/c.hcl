project "c" {
  goals       = { growth = 1 }
  endorsed_by = [department.sales]
  duration    = 2
  depends_on = [project.b]
}

project "alpha" {
  goals       = { cut_costs = 1.5 }
  endorsed_by = [department.finanse]
  depends_on  = [project.beta]
  duration    = "3 monts"
  effort      = { platfrom = 2 }
}

project "beta" {
  depends_on = [project.alpha]
  duration   = 2
  colour     = "blue"

  risk {
    failure = -0.1
  }
}

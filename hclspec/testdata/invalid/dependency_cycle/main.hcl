roadmap {
  name  = "Test"
  start = "2027-01"
}

project "a" {
  duration   = 1
  depends_on = [project.c]
}

project "b" {
  duration   = 1
  depends_on = [project.a]
}

project "c" {
  duration   = 1
  depends_on = [project.b]
}

project "self" {
  duration   = 1
  depends_on = [project.self]
}

project "x" {
  duration   = 1
  depends_on = [project.y]
}

project "y" {
  duration   = 1
  depends_on = [project.x, project.a]
}

roadmap {
  name  = "Bad input"
  start = "2027-01"
}
team "t" {
  capacity = 1
}
project "p" {
  depends_on = [project.a,
  duration = 1
}

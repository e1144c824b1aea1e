roadmap {
  name  = "Bad input"
  start = "2027-01"
}
goal "g" {
  title = templatefile("x.tpl", {})
}

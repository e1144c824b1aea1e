roadmap {
  name  = "Bad input"
  start = "2027-01"
}
goal "g" {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
 a {
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}

# A second roadmap block in another file.
roadmap {
  start = "2027-01"
}

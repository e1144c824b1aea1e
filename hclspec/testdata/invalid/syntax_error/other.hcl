goal "g" {
  weight = 1 +

# nothing here yet
// nor here
/* nor here */

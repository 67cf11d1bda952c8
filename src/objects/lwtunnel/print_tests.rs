//! What ip prints for the encapsulation of a route, from the attributes.

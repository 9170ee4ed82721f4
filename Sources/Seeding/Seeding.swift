// Seeding: triplet seeding for the CKF path.

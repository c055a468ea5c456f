import NafidhaCLI

import Foundation
import NafidhaCLI

exit(NafidhaTool.main())

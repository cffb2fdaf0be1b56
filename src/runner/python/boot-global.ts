/** Where the Python sandbox's bootstrap leaves the boot message for the runtime, which removes it at once. */
export const BOOT_GLOBAL = "__asyncioNotesPythonBoot";
/** Where it queues the messages that arrive before the runtime takes over (the binaries). */
export const BOOT_QUEUE = "__asyncioNotesPythonBootQueue";

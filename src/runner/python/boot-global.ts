/** Where the Python sandbox's bootstrap leaves the boot message for the runtime, which removes it at once. */
export const BOOT_GLOBAL = "__asyncioNotesPythonBoot";

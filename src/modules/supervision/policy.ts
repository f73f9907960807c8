// Who sees what in supervision: the platform's oversight rule (src/platform/oversight.ts) plus the
// staff of a department who receive its orders.

/** The staff of a department who receive its supervision orders. */
export const ORDER_RECIPIENT_ROLES = ['dept_head', 'dept_admin'] as const;

/** The single IPC channel; every API call travels on it as (name, input). */
export const ipcChannel = 'motcua:invoke';
